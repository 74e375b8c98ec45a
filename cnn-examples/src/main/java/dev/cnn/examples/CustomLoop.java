package dev.cnn.examples;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Evaluator;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.FlatParameters;
import dev.cnn.api.train.StepResult;
import dev.cnn.api.train.Trainer;
import dev.cnn.datasets.Datasets;
import dev.cnn.datasets.LocatedDataset;
import java.util.Random;

/**
 * A training loop of your own with the step API, instead of {@code Trainer.fit}: draws its own batches, computes the
 * loss and gradients of each, clips the gradients to a largest global norm through the flat view of all gradients,
 * and applies them with the optimizer; prints the loss every 100 steps.
 *
 * <p>Arguments: {@code [training images (default 10000)] [steps (default 500)]}.
 */
public final class CustomLoop {
    private static final double MAX_GRADIENT_NORM = 1.0;

    private CustomLoop() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        LocatedDataset mnist = Datasets.load("mnist");
        Dataset raw = mnist.train().range(0, images);
        Normalization normalization = Normalization.fit(raw);
        Dataset train = raw.normalized(normalization);

        Sequential network = Sequential.builder()
                .setInputShape(1, 28, 28)
                .add(new Flatten(), Dense.of(100), new ReLU(), Dense.of(10))
                .build(Backends.select());
        Trainer trainer = Trainer.builder().setNetwork(network).setLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                .setOptimizer(OptimizerConfig.sgd(0.1, 0.9)).build();

        Random random = new Random(1);
        int batchSize = 32;
        int clipped = 0;
        for (int step = 1; step <= steps; step++) {
            int[] batch = random.ints(batchSize, 0, train.size()).toArray();   // sampled with replacement
            StepResult result = trainer.computeGradients(train, batch, random);
            if (!result.finite()) {
                throw new IllegalStateException("the loss became " + result.loss() + " at step " + step);
            }
            FlatParameters flat = trainer.flatParameters();
            float[] gradients = flat.gradients();                           // every parameter's gradient, in order
            double norm = 0;
            for (float g : gradients) {
                norm += (double) g * g;
            }
            norm = Math.sqrt(norm);
            if (norm > MAX_GRADIENT_NORM) {
                for (int i = 0; i < gradients.length; i++) {
                    gradients[i] *= (float) (MAX_GRADIENT_NORM / norm);
                }
                flat.setGradients(gradients);
                clipped++;
            }
            trainer.applyGradients();
            if (step % 100 == 0) {
                System.out.printf("step %d: loss %.4f, gradient norm %.3f%n", step, result.loss(), norm);
            }
        }
        System.out.printf("clipped the gradients of %d of %d steps%n", clipped, steps);
        Dataset test = mnist.test().range(0, 2_000).normalized(normalization);
        double accuracy = Evaluator.evaluate(network, Loss.SOFTMAX_CROSS_ENTROPY, test, 256).accuracy();
        System.out.printf("test accuracy after %d steps: %.2f%%%n", steps, 100 * accuracy);
    }
}
