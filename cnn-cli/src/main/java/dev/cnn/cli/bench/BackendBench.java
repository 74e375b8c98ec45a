package dev.cnn.cli.bench;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.StepResult;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingDivergedException;
import dev.cnn.models.Preset;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * One backend under test: a preset network built on it from a fixed seed, trained with Adam, and timed for training
 * steps and inference batches.
 */
public final class BackendBench {
    /** Adam's learning rate; constant, so every round does the same work. */
    public static final double LEARNING_RATE = 0.001;

    private final Backend backend;
    private final BenchImages images;
    private final Sequential network;
    private final Trainer trainer;
    private final Dataset data;
    private final Random augmentationRandom = new Random(0);
    private int nextBatch;

    /** Plain SGD's learning rate, as in the PyTorch reference benchmark. */
    public static final double SGD_LEARNING_RATE = 0.1;

    /** Builds {@code preset} for {@code images} on {@code backend}, its weights drawn from {@code seed}, trained with Adam. */
    public BackendBench(Backend backend, Preset preset, BenchImages images, long seed) {
        this(backend, preset, images, seed, OptimizerConfig.adam(LEARNING_RATE));
    }

    /** As the other constructor, trained with {@code optimizer}. */
    public BackendBench(Backend backend, Preset preset, BenchImages images, long seed, OptimizerConfig optimizer) {
        this.backend = backend;
        this.images = images;
        this.network = Sequential.of(preset.config(images.sampleShape(), images.classes()), backend, seed);
        this.trainer = Trainer.builder().setNetwork(network).setLoss(Loss.SOFTMAX_CROSS_ENTROPY).setOptimizer(optimizer)
                .optBatchSize(images.batchSize()).build();
        this.data = asDataset(images);
    }

    /** The bench's batches, one after the other, as the dataset the trainer's step reads. */
    private static Dataset asDataset(BenchImages images) {
        int perImage = images.sampleShape().size();
        int count = images.features().size() * images.batchSize();
        float[] pixels = new float[count * perImage];
        int[] labels = new int[count];
        for (int b = 0; b < images.features().size(); b++) {
            System.arraycopy(images.features().get(b), 0, pixels, b * images.batchSize() * perImage,
                    images.batchSize() * perImage);
            float[] oneHot = images.oneHot().get(b);
            for (int i = 0; i < images.batchSize(); i++) {
                int label = 0;
                while (oneHot[i * images.classes() + label] == 0f) {
                    label++;
                }
                labels[b * images.batchSize() + i] = label;
            }
        }
        List<String> classes = IntStream.range(0, images.classes()).mapToObj(Integer::toString).toList();
        return new Dataset(images.sampleShape(), pixels, labels, classes);
    }

    /** The backend's name. */
    public String name() {
        return backend.name();
    }

    /**
     * Runs {@code batches} training steps, each {@code Trainer}'s own step (gathering the batch, forward, loss,
     * backward to the parameters, optimizer update), and returns the images per second.
     * Reading the loss and, at the end, the parameters waits for every step to finish.
     */
    public double trainImagesPerSecond(int batches) {
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            int batch = advance();
            int[] indices = IntStream.range(batch * images.batchSize(), (batch + 1) * images.batchSize()).toArray();
            StepResult step = trainer.computeGradients(data, indices, augmentationRandom);
            if (!step.finite()) {
                throw new TrainingDivergedException("the loss on backend " + name() + " became " + step.loss());
            }
            trainer.applyGradients();
        }
        network.parameters().values().forEach(p -> p.value().toArray());
        return imagesPerSecond(batches, System.nanoTime() - start);
    }

    /**
     * Bytes allocated on the Java heap per training step, by every thread, over {@code batches} steps after this
     * bench has warmed up; -1 when the JVM cannot count them. Off-heap memory (such as ND4J's) is not included.
     */
    public double allocatedBytesPerTrainingStep(int batches) {
        long before = AllocationMeter.allocatedBytes();
        trainImagesPerSecond(batches);
        long after = AllocationMeter.allocatedBytes();
        return before < 0 ? -1 : (double) (after - before) / batches;
    }

    /** Runs {@code batches} forward passes in inference mode, copying each output out, and returns the images per second. */
    public double inferImagesPerSecond(int batches) {
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            int batch = advance();
            network.forward(backend.tensor(images.features().get(batch), images.batchShape()), false).toArray();
        }
        return imagesPerSecond(batches, System.nanoTime() - start);
    }

    private int advance() {
        int batch = nextBatch;
        nextBatch = (nextBatch + 1) % images.features().size();
        return batch;
    }

    private double imagesPerSecond(int batches, long nanos) {
        return (double) batches * images.batchSize() / (Math.max(1, nanos) / 1e9);
    }
}
