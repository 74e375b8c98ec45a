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

    /** Evaluates {@code network} on every image of {@code data}, {@code batchSize} at a time. */
    public static Evaluation evaluate(Network network, Loss loss, Dataset data, int batchSize) {
        int classes = network.outputShape().size();
        if (loss != Loss.SIGMOID_BINARY_CROSS_ENTROPY && classes != data.classNames().size()) {
            throw new IllegalArgumentException("the network has " + classes + " outputs but the dataset has "
                    + data.classNames().size() + " classes");
        }
        int n = data.size();
        int[] labels = data.labels();
        int[] predictions = new int[n];
        int[] ranks = new int[n];
        double lossSum = 0;
        var backend = network.backend();
        for (int from = 0; from < n; from += batchSize) {
            int[] indices = new int[Math.min(batchSize, n - from)];
            for (int k = 0; k < indices.length; k++) {
                indices[k] = from + k;
            }
            Tensor output = network.forward(Batches.features(data, indices, backend), false);
            lossSum += loss.evaluate(output, Batches.targets(data, indices, loss, classes, backend)).value() * indices.length;
            float[] scores = output.toArray();
            for (int k = 0; k < indices.length; k++) {
                int offset = k * classes;
                int i = indices[k];
                predictions[i] = Batches.argmax(scores, offset, classes);
                float own = scores[offset + labels[i]];
                int higher = 0;
                for (int c = 0; c < classes; c++) {
                    if (scores[offset + c] > own) {
                        higher++;
                    }
                }
                ranks[i] = higher;
            }
        }
        return new Evaluation(n == 0 ? Double.NaN : lossSum / n, data.classNames(), labels, predictions, ranks);
    }
}
