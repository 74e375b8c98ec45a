package dev.cnn.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The README's measurements, not part of the test run: {@code mvn -B -q test -pl cnn-spark -am
 * -Dtest=SparkMeasurements -Dcnn.spark.measure=true}. Prints a table of the exchange time per step, images/s against
 * single-process training, and the checkpoint's size and time to resume.
 */
@EnabledIfSystemProperty(named = "cnn.spark.measure", matches = "true")
class SparkMeasurements {
    private final List<String> table = new ArrayList<>();

    static Model dense1m(long seed) {
        Sequential network = Sequential.builder().setInputShape(1, 28, 28)
                .add(new Flatten(), Dense.of(1200), new ReLU(), Dense.of(10)).optSeed(seed).build(Backends.select("cpu"));
        return new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, IntStream.range(0, 10).mapToObj(Integer::toString).toList(),
                new Normalization(0.1307, 0.3081));
    }

    @Test
    void measure() throws Exception {
        Dataset data = LocalSpark.mnistTrain(Integer.getInteger("cnn.spark.images", 4000));
        JavaSparkContext local = LocalSpark.context("local[2]", "measurements");
        try {
            run(local, "local[2]", data);
        } finally {
            local.stop();
        }
        Path home = Path.of(System.getProperty("spark.test.home", "target/spark-home"));
        Files.createDirectories(home);
        JavaSparkContext cluster = new JavaSparkContext(new SparkConf().setMaster("local-cluster[2,1,1024]")
                .setAppName("measurements").set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.test.home", home.toAbsolutePath().toString())
                .set("spark.executor.extraClassPath", System.getProperty("surefire.test.class.path"))
                .set("spark.executor.extraJavaOptions", System.getProperty("spark.java.options", "")));
        cluster.setLogLevel("WARN");
        try {
            run(cluster, "local-cluster[2,1,1024]", data);
        } finally {
            cluster.stop();
        }
        single("conv-20-40", LocalSpark::conv2040, data, 64);
        single("conv-20-40", LocalSpark::conv2040, data, 8);
        single("dense-1m", SparkMeasurements::dense1m, data, 64);
        table.forEach(System.out::println);
        assertTrue(table.size() >= 8, "every measurement ran");
    }

    private void run(JavaSparkContext sc, String master, Dataset data) throws Exception {
        for (var entry : List.<Object[]>of(new Object[] {"conv-20-40", (LongFunction<Model>) LocalSpark::conv2040},
                new Object[] {"dense-1m", (LongFunction<Model>) SparkMeasurements::dense1m})) {
            String name = (String) entry[0];
            @SuppressWarnings("unchecked")
            LongFunction<Model> make = (LongFunction<Model>) entry[1];
            distributed(sc, master, name, make, data, Strategy.gradientAveraging(), 64);
            distributed(sc, master, name, make, data, Strategy.parameterAveraging(10), 16);
        }
    }

    private void distributed(JavaSparkContext sc, String master, String name, LongFunction<Model> make, Dataset data,
                             Strategy strategy, int batch) throws Exception {
        Path file = Files.createTempDirectory("cnn-measure").resolve("run.cnn");
        Model model = make.apply(1);
        List<String> lines = new ArrayList<>();
        // two epochs: the first builds the replicas and warms the JIT; the second is the one reported
        SparkTrainingHistory history = SparkTrainer.builder().setContext(sc).setModel(model)
                .setOptimizer(OptimizerConfig.adam(0.001)).setStrategy(strategy).optBatchSize(batch).optEpochs(2)
                .optCheckpoint(file.toString(), 0).optLog(lines::add).build().fit(data, 2);
        SparkEpochReport last = history.last();
        long started = System.nanoTime();
        Model.loadWithState(file, Backends.select("cpu"));
        double resumeMillis = (System.nanoTime() - started) / 1e6;
        String checkpoint = lines.stream().filter(l -> l.startsWith("checkpoint at step")).reduce((a, b) -> b).orElse("");
        table.add(String.format(Locale.ROOT, "| %s | %s | %s, batch %d | %.1f ms | %.0f images/s | %.2f MB, read in %.0f ms"
                        + " (%s) |", name, master, strategy, batch, last.exchangeMillisPerStep(), last.imagesPerSecond(),
                Files.size(file) / 1e6, resumeMillis, checkpoint.replaceAll(".*\\(", "written in ").replace(")", "")));
    }

    private void single(String name, LongFunction<Model> make, Dataset data, int batch) {
        Model model = make.apply(1);
        Trainer trainer = Trainer.builder().setNetwork(model.network()).setHeads(model.heads())
                .setOptimizer(OptimizerConfig.adam(0.001)).optBatchSize(batch).optEpochs(2).build();
        TrainingHistory history = trainer.fit(data, null);
        table.add(String.format(Locale.ROOT, "| %s | single process | batch %d | - | %.0f images/s | - |", name, batch,
                history.last().imagesPerSecond()));
    }
}
