package dev.cnn.api.eval;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.Network;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.api.train.Batches;

/** Runs a network in inference mode over a labelled dataset and scores it. */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * Evaluates {@code network} on every image of {@code data}, {@code batchSize} at a time.
     *
     * @throws NonFiniteOutputException when any image gets a NaN or infinite score
     * @throws IllegalArgumentException when the dataset is empty or its classes do not match the network's outputs
     */
    public static Evaluation evaluate(Network network, Loss loss, Dataset data, int batchSize) {
        int classes = network.outputShape().size();
        if (loss.targets() != dev.cnn.api.loss.Targets.TAGS && classes != data.classNames().size()) {
            throw new IllegalArgumentException("the network has " + classes + " outputs but the dataset has "
                    + data.classNames().size() + " classes");
        }
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("there are no images to evaluate on; give a dataset with a test split");
        }
        int[] labels = data.labels();
        int[] predictions = new int[n];
        int[] ranks = new int[n];
        double lossSum = 0;
        long nonFinite = 0;
        var backend = network.backend();
        for (int from = 0; from < n; from += batchSize) {
            int[] indices = new int[Math.min(batchSize, n - from)];
            for (int k = 0; k < indices.length; k++) {
                indices[k] = from + k;
            }
            Tensor output = network.forward(Batches.features(data, indices, backend), false);
            float[] scores = output.toArray();
            for (int k = 0; k < indices.length; k++) {
                int offset = k * classes;
                if (!ScoreRows.allFinite(scores, offset, classes)) {
                    nonFinite++;
                }
                int i = indices[k];
                predictions[i] = ScoreRows.winner(scores, offset, classes);
                ranks[i] = ScoreRows.labelRank(scores, offset, classes, labels[i]);
            }
            if (nonFinite == 0) {
                lossSum += loss.evaluate(output, Batches.targets(data, indices, loss, classes, backend)).value() * indices.length;
            }
        }
        if (nonFinite > 0) {
            throw new NonFiniteOutputException(nonFinite, n);
        }
        return new Evaluation(n == 0 ? Double.NaN : lossSum / n, data.classNames(), labels, predictions, ranks);
    }
}
