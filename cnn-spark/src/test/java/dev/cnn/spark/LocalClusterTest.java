package dev.cnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.model.Model;
import dev.cnn.api.train.FlatParameters;
import dev.cnn.api.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Training in {@code local-cluster[2,1,1024]}: two executor JVMs apart from the driver, so the network's JSON, the
 * parameters, the shards and the results really are serialized. Spark launches the executors with the test's own
 * classpath ({@code spark.executor.extraClassPath}); its launcher wants a Spark home, for which an empty folder does
 * ({@code spark.test.home}, with {@code SPARK_SCALA_VERSION} and {@code SPARK_TESTING} set by the build). The images
 * arrive as a {@code JavaRDD<LabelledImage>}, packed into shards on the executors.
 */
class LocalClusterTest {
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of(System.getProperty("spark.test.home", "target/spark-home"));
        Files.createDirectories(home);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        SparkConf conf = new SparkConf().setMaster("local-cluster[2,1,1024]").setAppName("LocalClusterTest")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.test.home", home.toAbsolutePath().toString())
                .set("spark.executor.extraClassPath", classpath)
                .set("spark.executor.extraJavaOptions", System.getProperty("spark.java.options", ""));
        sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.stop();
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void anExecutorThatDiesMidTrainingIsReplacedAndTheRunEndsAsTheUninterruptedOne() throws Exception {
        Path marker = Files.createTempDirectory("cnn-executor-death").resolve("died");
        String markerPath = marker.toString();
        Dataset data = LocalSpark.mnistTrain(256);
        Path checkpoint = marker.resolveSibling("run.cnn");
        Model model = LocalSpark.conv2040(5);
        List<String> lines = new java.util.ArrayList<>();
        SparkTrainingHistory history = SparkTrainer.builder().setContext(sc).setModel(model)
                .setOptimizer(LocalSpark.linearOptimizer()).setStrategy(Strategy.gradientAveraging()).optBatchSize(32)
                .optSeed(2).optCheckpoint(checkpoint.toString(), 2).optStepTimeout(java.time.Duration.ofSeconds(90))
                .optExecutorHook((partition, step) -> {
                    if (partition == 1 && step == 5) {
                        try {
                            Files.createFile(Path.of(markerPath)); // once across all executor JVMs
                        } catch (java.nio.file.FileAlreadyExistsException again) {
                            return;
                        }
                        Runtime.getRuntime().halt(1); // the executor JVM dies, as on a lost machine
                    }
                })
                .optLog(line -> {
                    lines.add(line);
                    System.out.println(line);
                }).build().fit(sc.parallelize(images(data), 2));
        assertTrue(Files.exists(marker), "an executor was killed");
        assertEquals(8, history.steps());
        float[] actual = new FlatParameters(model.network().parameters()).values();
        float[] expected = singleProcess(data);
        double maxDifference = 0;
        for (int i = 0; i < expected.length; i++) {
            maxDifference = Math.max(maxDifference, Math.abs(expected[i] - actual[i]));
        }
        System.out.printf("executor killed at step 6: %d recoveries by us, max parameter difference %.3g%n",
                history.recoveries(), maxDifference);
        assertTrue(maxDifference < 1e-4, "parameters differ from single-process training by " + maxDifference);
    }

    private static float[] singleProcess(Dataset data) {
        Model single = LocalSpark.conv2040(5);
        Trainer trainer = Trainer.builder().setNetwork(single.network()).setHeads(single.heads())
                .setOptimizer(LocalSpark.linearOptimizer()).optBatchSize(32).build();
        ShardPlan plan = new ShardPlan(new int[] {128, 128}, 32, 2);
        for (long step = 0; step < 8; step++) {
            trainer.computeGradients(data, plan.globalIndices(step), new Random(step));
            trainer.applyGradients();
        }
        return trainer.flatParameters().values();
    }

    /** The images as rows, as a user's RDD would hold them; {@code parallelize} cuts them into contiguous halves. */
    private static List<LabelledImage> images(Dataset data) {
        List<LabelledImage> rows = new java.util.ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            rows.add(new LabelledImage(data.features(i), data.label(i)));
        }
        return rows;
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void trainsAFewStepsInSeparateExecutorJvms() throws Exception {
        long driver = ProcessHandle.current().pid();
        List<Long> pids = sc.parallelize(List.of(1, 2, 3, 4), 4).map(i -> ProcessHandle.current().pid()).distinct()
                .collect();
        assertFalse(pids.contains(driver), "tasks run outside the driver's JVM");

        Dataset data = LocalSpark.mnistTrain(256);
        Model distributed = LocalSpark.conv2040(5);
        SparkTrainingHistory history = SparkTrainer.builder().setContext(sc).setModel(distributed)
                .setOptimizer(LocalSpark.linearOptimizer()).setStrategy(Strategy.gradientAveraging()).optBatchSize(32)
                .optSeed(2).build().fit(sc.parallelize(images(data), 2));
        assertEquals(8, history.steps());

        Model single = LocalSpark.conv2040(5);
        Trainer trainer = Trainer.builder().setNetwork(single.network()).setHeads(single.heads())
                .setOptimizer(LocalSpark.linearOptimizer()).optBatchSize(32).build();
        ShardPlan plan = new ShardPlan(new int[] {128, 128}, 32, 2);
        for (long step = 0; step < 8; step++) {
            trainer.computeGradients(data, plan.globalIndices(step), new Random(step));
            trainer.applyGradients();
        }
        float[] expected = trainer.flatParameters().values();
        float[] actual = new FlatParameters(distributed.network().parameters()).values();
        double maxDifference = 0;
        for (int i = 0; i < expected.length; i++) {
            maxDifference = Math.max(maxDifference, Math.abs(expected[i] - actual[i]));
        }
        System.out.printf("local-cluster: executors %s (driver %d), max parameter difference %.3g after 8 steps%n", pids,
                driver, maxDifference);
        assertTrue(maxDifference < 1e-4, "parameters differ from single-process training by " + maxDifference);
    }
}
