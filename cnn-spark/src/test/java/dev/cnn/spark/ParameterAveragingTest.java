package dev.cnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Evaluator;
import dev.cnn.api.model.Model;
import dev.cnn.api.optim.LearningRateSchedule;
import dev.cnn.api.optim.OptimizerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter averaging trains conv-20-40 on 10,000 MNIST images to 97%, and a partition that fails once mid-training
 * resumes from the checkpoint and ends in the same accuracy band. Needs MNIST ({@code ./cnn datasets install mnist}).
 */
class ParameterAveragingTest {
    static final int BATCH = 16;
    static final int LOCAL_STEPS = 10;
    static final int EPOCHS = 2;
    private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
    private static JavaSparkContext sc;
    private static Dataset train;
    private static Dataset test;

    @BeforeAll
    static void start() throws Exception {
        sc = LocalSpark.context("local[2]", "ParameterAveragingTest");
        train = LocalSpark.mnistTrain(10_000);
        test = LocalSpark.mnistTest();
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.stop();
        }
    }

    static OptimizerConfig optimizer(int images) {
        long steps = EPOCHS * ((images + BATCH - 1) / BATCH);
        return OptimizerConfig.adam(0.003).withSchedule(new LearningRateSchedule.Cosine(steps, 0.05));
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void trainsConv2040OnTenThousandMnistImagesTo97Percent() {
        Model model = LocalSpark.conv2040(1);
        List<String> lines = new ArrayList<>();
        SparkTrainingHistory history = SparkTrainer.builder().setContext(sc).setModel(model)
                .setOptimizer(optimizer(train.size())).setStrategy(Strategy.parameterAveraging(LOCAL_STEPS))
                .optBatchSize(BATCH).optEpochs(EPOCHS).optLog(line -> {
                    lines.add(line);
                    System.out.println(line);
                }).build().fit(train, 2);
        double accuracy = Evaluator.evaluate(model.network(), model.loss(), test, 256).accuracy();
        System.out.printf("parameter averaging every %d steps, 2 partitions: test accuracy %.2f%%%n", LOCAL_STEPS,
                100 * accuracy);
        assertEquals(1250, history.steps());
        assertTrue(accuracy >= 0.97, "test accuracy " + accuracy + " is below 97%");
        assertTrue(lines.stream().anyMatch(l -> l.matches("epoch 2/2: loss .* images/s, exchange .* ms/step.*")), lines::toString);
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aPartitionThatFailsOnceResumesFromTheCheckpointAndStillReaches97Percent(@TempDir Path dir) throws Exception {
        Model model = LocalSpark.conv2040(1);
        List<String> lines = new ArrayList<>();
        String checkpoint = dir.resolve("run.cnn").toUri().toString(); // a file: URI, so through Hadoop's FileSystem
        SparkTrainingHistory history = SparkTrainer.builder().setContext(sc).setModel(model)
                .setOptimizer(optimizer(train.size())).setStrategy(Strategy.parameterAveraging(LOCAL_STEPS))
                .optBatchSize(BATCH).optEpochs(EPOCHS).optCheckpoint(checkpoint, 100)
                .optExecutorHook((partition, step) -> {
                    if (partition == 1 && step == 345 && FAILED_ONCE.compareAndSet(false, true)) {
                        throw new IllegalStateException("injected failure of partition 1 at step 345");
                    }
                })
                .optLog(line -> {
                    lines.add(line);
                    System.out.println(line);
                }).build().fit(train, 2);
        double accuracy = Evaluator.evaluate(model.network(), model.loss(), test, 256).accuracy();
        System.out.printf("with one injected failure: test accuracy %.2f%%%n", 100 * accuracy);
        assertTrue(FAILED_ONCE.get(), "the failure was injected");
        assertEquals(1, history.recoveries());
        assertEquals(1250, history.steps());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("stage failed at step 341")
                && l.contains("resuming from the checkpoint " + checkpoint + " at step 300")), lines::toString);
        assertTrue(accuracy >= 0.97, "test accuracy " + accuracy + " is below 97%");
        var loaded = Model.loadWithState(dir.resolve("run.cnn"), Backends.select("cpu"));
        assertEquals(1250, loaded.optimizer().step(), "the last checkpoint holds the finished run");
        assertTrue(Files.size(dir.resolve("run.cnn")) > 300_000);
    }
}
