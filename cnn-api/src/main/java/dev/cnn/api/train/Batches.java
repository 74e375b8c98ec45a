package dev.cnn.api.train;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.ScoreRows;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;

/** Turns rows of a {@link Dataset} into the tensors a network and a loss take. */
public final class Batches {
    private Batches() {
    }

    /** The indices {@code 0 .. size-1}, shuffled by {@code random} (Fisher-Yates). */
    public static int[] shuffledIndices(int size, Random random) {
        int[] order = new int[size];
        Arrays.setAll(order, i -> i);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The indices {@code from .. to-1} of {@code order}. */
    public static int[] slice(int[] order, int from, int to) {
        return Arrays.copyOfRange(order, from, Math.min(to, order.length));
    }

    /** The shape of a batch of {@code n} images of {@code data}. */
    public static Shape batchShape(Dataset data, int n) {
        return data.sampleShape().withBatch(n);
    }

    /** The images at {@code indices} as one tensor {@code [N, ...]}. */
    public static Tensor features(Dataset data, int[] indices, Backend backend) {
        return backend.tensor(data.gatherFeatures(indices), batchShape(data, indices.length));
    }

    /** What {@code loss} compares the network's output with: one-hot class rows, or the multi-hot tags. */
    public static Tensor targets(Dataset data, int[] indices, Loss loss, int outputs, Backend backend) {
        if (loss.targets() == dev.cnn.api.loss.Targets.TAGS) {
            if (!data.hasTags()) {
                throw new IllegalArgumentException("sigmoid binary cross-entropy needs a dataset with tags");
            }
            return backend.tensor(data.gatherTags(indices), Shape.of(indices.length, data.tagNames().size()));
        }
        float[] oneHot = new float[indices.length * outputs];
        for (int k = 0; k < indices.length; k++) {
            oneHot[k * outputs + data.label(indices[k])] = 1f;
        }
        return backend.tensor(oneHot, Shape.of(indices.length, outputs));
    }

    /** How many rows of {@code scores} {@code [N, K]} have their unique largest value at the label (see {@link ScoreRows}). */
    public static int countCorrect(float[] scores, int classes, Dataset data, int[] indices) {
        int correct = 0;
        for (int k = 0; k < indices.length; k++) {
            if (ScoreRows.winner(scores, k * classes, classes) == data.label(indices[k])) {
                correct++;
            }
        }
        return correct;
    }
}
