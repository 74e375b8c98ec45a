package dev.cnn.spark;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.Datasets;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.models.Preset;
import java.io.IOException;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** What the Spark tests share: a quiet local context, MNIST, conv-20-40 models. */
final class LocalSpark {
    private LocalSpark() {
    }

    static JavaSparkContext context(String master, String name) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName(name)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.showConsoleProgress", "false");
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");
        return sc;
    }

    static Dataset mnistTrain(int images) throws IOException {
        return Datasets.load("mnist").train().range(0, images).normalized(0.1307f, 0.3081f);
    }

    static Dataset mnistTest() throws IOException {
        return Datasets.load("mnist").test().normalized(0.1307f, 0.3081f);
    }

    static Model conv2040(long seed) {
        GraphNetwork network = Preset.CONV_20_40.build(dev.cnn.api.tensor.Shape.of(1, 28, 28), 10,
                Backends.select("cpu"), seed);
        return new Model(network, Loss.SOFTMAX_CROSS_ENTROPY,
                IntStream.range(0, 10).mapToObj(Integer::toString).toList(), new Normalization(0.1307, 0.3081));
    }

    /**
     * Momentum SGD moves each parameter in proportion to its gradient, so the rounding differences of summing a
     * global batch in another order stay rounding-sized. Adam would divide them by their own magnitude where a
     * gradient is close to zero and turn them into steps of the full learning rate (0.002 on a CPU whose kernels
     * sum in another order). The learning rate stays well inside the stable range: at 0.05 twenty steps already
     * amplify rounding differences to 2e-4; at 0.01 they stay at 3e-8 while the parameters move by 0.1.
     */
    static OptimizerConfig linearOptimizer() {
        return OptimizerConfig.sgd(0.01, 0.9);
    }
}
