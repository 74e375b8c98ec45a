package dev.cnn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.Datasets;
import dev.cnn.datasets.LocatedDataset;
import dev.cnn.api.eval.Evaluation;
import dev.cnn.api.eval.Evaluator;
import dev.cnn.api.layers.Add;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.Checkpoint;
import dev.cnn.api.train.EpochLog;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the README's library example, and checks the README shows exactly this code. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleTrainsEvaluatesSavesLoadsAndPredicts() throws Exception {
        Path file = Path.of("digits.zip");
        try {
            // example:start
            Backend backend = Backends.select();                  // the best backend on the classpath
            LocatedDataset mnist = Datasets.load("mnist");        // ./cnn datasets install mnist
            Dataset train = mnist.train().range(0, 5_000).normalized(0.1307f, 0.3081f);
            Dataset test = mnist.test().normalized(0.1307f, 0.3081f);

            GraphNetwork network = new GraphBuilder()            // named nodes, each with its inputs
                    .addInput("image", 1, 28, 28)
                    .add("conv1", Conv2D.of(20, 5), "image")
                    .add("relu1", new ReLU(), "conv1")
                    .add("pool1", MaxPool2D.of(2), "relu1")
                    .add("conv2", Conv2D.of(40, 5), "pool1")
                    .add("relu2", new ReLU(), "conv2")
                    .add("pool2", MaxPool2D.of(2), "relu2")
                    .add("conv3", Conv2D.of(40, 3).withPadding(1), "pool2")
                    .add("relu3", new ReLU(), "conv3")
                    .add("sum", new Add(), "pool2", "relu3")       // a residual block: x + f(x)
                    .add("flat", new Flatten(), "sum")
                    .add("hidden", Dense.of(100), "flat")
                    .add("relu4", new ReLU(), "hidden")
                    .add("logits", Dense.of(10), "relu4")
                    .build(backend);
            System.out.print(network.summary());

            Model model = new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, train.classNames(), new Normalization(0.1307, 0.3081));
            Optimizer adam = new Optimizer(OptimizerConfig.adam(0.002), network.parameters());
            TrainingPlan plan = new TrainingPlan(1, 16, 1, 0, 0, "mnist", train.size());   // epochs, batch size, seed, ...
            Trainer.builder()
                    .setNetwork(network)
                    .setLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                    .optOptimizer(adam)
                    .optBatchSize(plan.batchSize())
                    .optEpochs(plan.epochs())
                    .optSeed(plan.seed())
                    .optListener(new EpochLog(System.out::println),
                            Checkpoint.everySteps(100, Path.of("digits.zip"), model, adam, plan))
                    .build()
                    .fit(train, null);
            // had it been stopped, this would continue the run exactly where the last checkpoint left it:
            Trainer.resume(Path.of("digits.zip"), backend).trainer().build().fit(train, null);

            Evaluation evaluation = Evaluator.evaluate(network, Loss.SOFTMAX_CROSS_ENTROPY, test, 256);
            System.out.printf("test accuracy: %.2f%%%n", 100 * evaluation.accuracy());

            Model loaded = Model.load(Path.of("digits.zip"), backend);
            float[] firstTestImage = mnist.test().features(0);     // raw pixels in [0, 1]
            float[] probabilities = loaded.predictProbabilities(firstTestImage, 1)[0];
            // example:end
            assertTrue(evaluation.accuracy() > 0.93, "accuracy " + evaluation.accuracy());
            assertEquals(7, argmax(probabilities), "the first test digit is a 7");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theReadmeShowsThisExampleVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/cnn/models/ReadmeExampleTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        assertEquals(normalize(between(source, "// example:start", "// example:end")),
                normalize(between(readme, "<!-- example:start -->\n```java", "```\n<!-- example:end -->")),
                "README.md's example differs from ReadmeExampleTest: copy the code between the markers");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from + 1);
        assertTrue(from >= 0 && to > from, "markers '" + start + "' and '" + end + "' not found");
        return text.substring(from + start.length(), to);
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
