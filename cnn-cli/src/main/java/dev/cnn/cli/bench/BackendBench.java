package dev.cnn.cli.bench;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.network.NodeProfile;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.api.train.StepResult;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingDivergedException;
import dev.cnn.models.Preset;
import java.util.Map;
import java.util.Random;

/**
 * One backend under test: a preset network (a chain or a graph, with every head it has) built on it from a fixed
 * seed, trained with the trainer's own step, and timed for training steps and inference batches.
 */
public final class BackendBench {
    /** Adam's learning rate; constant, so every round does the same work. */
    public static final double LEARNING_RATE = 0.001;
    /** Plain SGD's learning rate, as in the PyTorch reference benchmark. */
    public static final double SGD_LEARNING_RATE = 0.1;

    private final Backend backend;
    private final BenchImages images;
    private final GraphNetwork network;
    private final Trainer trainer;
    private final Random augmentationRandom = new Random(0);
    private int nextBatch;

    /** Builds {@code preset} for {@code images} on {@code backend}, its weights drawn from {@code seed}, trained with {@code optimizer}. */
    public BackendBench(Backend backend, Preset preset, BenchImages images, long seed, OptimizerConfig optimizer) {
        this.backend = backend;
        this.images = images;
        Dataset data = images.data();
        if (preset.tagged() && !data.hasTags()) {
            throw new IllegalArgumentException(preset.id() + " has a tag head and " + images.description()
                    + " has no tags; benchmark it on the synthetic images or a tagged dataset such as shapes");
        }
        this.network = preset.tagged()
                ? preset.build(data.sampleShape(), images.classes(), data.tagNames().size(), backend, seed)
                : preset.build(data.sampleShape(), images.classes(), backend, seed);
        this.trainer = Trainer.builder().setNetwork(network).setHeads(preset.heads(data.classNames(), data.tagNames()))
                .setOptimizer(optimizer).optBatchSize(images.batchSize()).build();
    }

    /** The backend's name. */
    public String name() {
        return backend.name();
    }

    /** Times every node of the network into {@code profile} from now on; null stops timing. */
    public void profile(NodeProfile profile) {
        network.profile(profile);
    }

    /**
     * Runs {@code batches} training steps, each {@code Trainer}'s own step (gathering the batch, forward, every head's
     * loss, backward to the parameters, optimizer update), and returns the images per second.
     * Reading the loss and, at the end, the parameters waits for every step to finish.
     */
    public double trainImagesPerSecond(int batches) {
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            int[] indices = BenchImages.batchIndices(advance(), images.batchSize());
            StepResult step = trainer.computeGradients(images.data(), indices, augmentationRandom);
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

    /** Runs {@code batches} forward passes in inference mode, copying every output out, and returns the images per second. */
    public double inferImagesPerSecond(int batches) {
        long start = System.nanoTime();
        String input = network.inputNames().get(0);
        for (int b = 0; b < batches; b++) {
            Tensor x = backend.tensor(images.features().get(advance()), images.batchShape());
            network.forward(Map.of(input, x), false).values().forEach(Tensor::toArray);
        }
        return imagesPerSecond(batches, System.nanoTime() - start);
    }

    private int advance() {
        int batch = nextBatch;
        nextBatch = (nextBatch + 1) % BenchImages.DISTINCT_BATCHES;
        return batch;
    }

    private double imagesPerSecond(int batches, long nanos) {
        return (double) batches * images.batchSize() / (Math.max(1, nanos) / 1e9);
    }
}
