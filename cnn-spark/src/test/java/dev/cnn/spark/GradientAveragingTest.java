package dev.cnn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.model.Model;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.FlatParameters;
import dev.cnn.api.train.StepResult;
import dev.cnn.api.train.Trainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Synchronous gradient averaging equals single-process training on the same global batches. */
class GradientAveragingTest {
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = LocalSpark.context("local[2]", "GradientAveragingTest");
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.stop();
        }
    }

    private static OptimizerConfig optimizer() {
        return OptimizerConfig.adam(0.002);
    }


    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoPartitionsGiveTheParametersOfSingleProcessTrainingAfterTwentySteps() throws Exception {
        assertSameAsSingleProcess(2);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void threeUnequalPartitionsAreWeightedByTheirShares() throws Exception {
        assertSameAsSingleProcess(3);
    }

    private static final AtomicBoolean STALLED_ONCE = new AtomicBoolean();

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aStalledPartitionIsCancelledAfterTheStepTimeoutAndTheRunResumesExactly(@TempDir Path dir) throws Exception {
        Dataset data = LocalSpark.mnistTrain(640);
        Model uninterrupted = LocalSpark.conv2040(9);
        SparkTrainer.builder().setContext(sc).setModel(uninterrupted).setOptimizer(optimizer())
                .setStrategy(Strategy.gradientAveraging()).optBatchSize(32).optLog(l -> { }).build().fit(data, 2);

        Model model = LocalSpark.conv2040(9);
        List<String> lines = new ArrayList<>();
        long started = System.nanoTime();
        SparkTrainingHistory history = SparkTrainer.builder().setContext(sc).setModel(model).setOptimizer(optimizer())
                .setStrategy(Strategy.gradientAveraging()).optBatchSize(32)
                .optCheckpoint(dir.resolve("run.cnn").toString(), 5).optStepTimeout(Duration.ofSeconds(3))
                .optExecutorHook((partition, step) -> {
                    if (partition == 0 && step == 12 && STALLED_ONCE.compareAndSet(false, true)) {
                        Thread.sleep(120_000); // a lost peer: never answers (until the cancelled job interrupts it)
                    }
                })
                .optLog(lines::add).build().fit(data, 2);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(STALLED_ONCE.get());
        assertEquals(1, history.recoveries());
        assertTrue(seconds < 60, "the stalled step was abandoned after its timeout, not waited for: " + seconds + " s");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("stage failed at step 13 (no answer from every partition"
                + " within 3 s; the job was cancelled); resuming from the checkpoint") && l.endsWith("at step 10"
                + " (recovery 1 of at most 3)")), lines::toString);
        assertArrayEquals(new FlatParameters(uninterrupted.network().parameters()).values(),
                new FlatParameters(model.network().parameters()).values(), "the resumed run ends as the uninterrupted one");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aTaggerTrainsItsClassAndTagHeadsAsInOneProcess() throws Exception {
        Dataset data = new dev.cnn.datasets.ShapesSource(128, 8, 24, 24, 5, null).train(); // 4 steps of 32
        Model distributed = tagger(data);
        SparkTrainingHistory history = SparkTrainer.builder().setContext(sc).setModel(distributed)
                .setOptimizer(LocalSpark.linearOptimizer()).setStrategy(Strategy.gradientAveraging()).optBatchSize(32)
                .optSeed(3).optLog(l -> { }).build().fit(data, 1);
        assertEquals(4, history.steps());

        Model single = tagger(data);
        Trainer trainer = Trainer.builder().setNetwork(single.network()).setHeads(single.heads())
                .setOptimizer(LocalSpark.linearOptimizer()).optBatchSize(32).build();
        ShardPlan plan = new ShardPlan(new int[] {data.size()}, 32, 3);
        for (long step = 0; step < 4; step++) {
            trainer.computeGradients(data, plan.globalIndices(step), new Random(step));
            trainer.applyGradients();
        }
        String tagWeights = distributed.network().parameters().keySet().stream().filter(n -> n.startsWith("tags"))
                .findFirst().orElseThrow();
        float[] start = tagger(data).network().parameters().get(tagWeights).value().toArray();
        float[] expected = single.network().parameters().get(tagWeights).value().toArray();
        float[] actual = distributed.network().parameters().get(tagWeights).value().toArray();
        double moved = 0;
        double difference = 0;
        for (int i = 0; i < start.length; i++) {
            moved = Math.max(moved, Math.abs(expected[i] - start[i]));
            difference = Math.max(difference, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(moved > 1e-3, "the tag head learned: its weights moved by " + moved);
        assertTrue(difference < 1e-5, "the tag head trained on Spark as in one process, within " + difference);
    }

    @Test
    void aTaggerIsRefusedImagesWithoutTags() throws Exception {
        Dataset data = new dev.cnn.datasets.ShapesSource(16, 8, 24, 24, 5, null).train();
        Dataset untagged = new Dataset(data.sampleShape(), data.gatherFeatures(java.util.stream.IntStream.range(0,
                data.size()).toArray()), data.labels(), data.classNames());
        SparkTrainer trainer = SparkTrainer.builder().setContext(sc).setModel(tagger(data))
                .setOptimizer(optimizer()).setStrategy(Strategy.gradientAveraging()).optLog(l -> { }).build();
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> trainer.fit(untagged, 2));
        assertEquals("the model's tag head 'tags' learns " + data.tagNames().size() + " tags but the dataset has no tags;"
                + " train it on images with those tags", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> trainer.fit(sc.parallelize(List.of(new LabelledImage(data.features(0), 0)))));
        assertTrue(e.getMessage().startsWith("the model has a tag head, and a LabelledImage carries a class but no tags"),
                e.getMessage());
    }

    private static Model tagger(Dataset data) {
        return new Model(dev.cnn.models.Preset.TAGGER.build(data.sampleShape(), data.classNames().size(),
                data.tagNames().size(), dev.cnn.api.backend.Backends.select("cpu"), 11),
                dev.cnn.models.Preset.TAGGER.heads(data.classNames(), data.tagNames()),
                dev.cnn.api.model.Normalization.identity());
    }

    private void assertSameAsSingleProcess(int partitions) throws Exception {
        Dataset data = LocalSpark.mnistTrain(640); // 20 steps of 32
        int batch = 32;

        Model distributed = LocalSpark.conv2040(7);
        List<String> lines = new ArrayList<>();
        SparkTrainingHistory history = SparkTrainer.builder().setContext(sc).setModel(distributed)
                .setOptimizer(LocalSpark.linearOptimizer()).setStrategy(Strategy.gradientAveraging()).optBatchSize(batch).optSeed(3)
                .optLog(lines::add).build().fit(data, partitions);
        assertEquals(20, history.steps());

        Model single = LocalSpark.conv2040(7);
        Trainer trainer = Trainer.builder().setNetwork(single.network()).setHeads(single.heads()).setOptimizer(LocalSpark.linearOptimizer())
                .optBatchSize(batch).build();
        int[] sizes = new int[partitions];
        for (int p = 0; p < partitions; p++) {
            sizes[p] = (int) ((long) (p + 1) * data.size() / partitions) - (int) ((long) p * data.size() / partitions);
        }
        ShardPlan plan = new ShardPlan(sizes, batch, 3);
        double lossSum = 0;
        for (long step = 0; step < 20; step++) {
            int[] indices = plan.globalIndices(step);
            StepResult result = trainer.computeGradients(data, indices, new Random(step));
            trainer.applyGradients();
            lossSum += result.loss() * indices.length;
        }
        float[] expected = trainer.flatParameters().values();
        float[] actual = new FlatParameters(distributed.network().parameters()).values();
        float[] start = new FlatParameters(LocalSpark.conv2040(7).network().parameters()).values();
        double maxDifference = 0;
        double maxMoved = 0;
        for (int i = 0; i < expected.length; i++) {
            maxDifference = Math.max(maxDifference, Math.abs(expected[i] - actual[i]));
            maxMoved = Math.max(maxMoved, Math.abs(expected[i] - start[i]));
        }
        System.out.printf("gradient averaging on %d partitions: max parameter difference %.3g after 20 steps"
                + " (parameters moved up to %.3g)%n", partitions, maxDifference, maxMoved);
        assertTrue(maxMoved > 1e-2, "training moved the parameters");
        assertTrue(maxDifference < 1e-4, "the distributed parameters differ from single-process ones by " + maxDifference);
        assertEquals(lossSum / data.size(), history.last().trainLoss(), 1e-5, "the mean loss is weighted by share size");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("epoch 1/1: loss")), "one line per epoch: " + lines);
    }
}
