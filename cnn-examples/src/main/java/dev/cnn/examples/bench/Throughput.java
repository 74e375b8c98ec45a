package dev.cnn.examples.bench;

import java.util.ArrayList;
import java.util.List;

/** The images per second one backend reached in each round, for training and for inference. */
public final class Throughput {
    private final String backend;
    private final List<Double> train = new ArrayList<>();
    private final List<Double> infer = new ArrayList<>();

    /** @param backend the backend's name */
    public Throughput(String backend) {
        this.backend = backend;
    }

    /** The backend's name. */
    public String backend() {
        return backend;
    }

    /** Records one round. */
    public void add(double trainImagesPerSecond, double inferImagesPerSecond) {
        train.add(trainImagesPerSecond);
        infer.add(inferImagesPerSecond);
    }

    /** The median training images per second over the rounds. */
    public double train() {
        return Median.of(train);
    }

    /** The median inference images per second over the rounds. */
    public double infer() {
        return Median.of(infer);
    }
}
