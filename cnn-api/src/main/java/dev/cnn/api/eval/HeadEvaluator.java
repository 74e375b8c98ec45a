package dev.cnn.api.eval;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.loss.Targets;
import dev.cnn.api.model.Head;
import dev.cnn.api.network.Network;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.api.train.Batches;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a network of any number of heads in inference mode over a dataset and scores each head by its kind; a tag head
 * decides each tag at its own threshold ({@link Head#thresholds()}).
 */
public final class HeadEvaluator {
    /** The probability from which a tag counts as predicted when its head has no thresholds of its own. */
    public static final double TAG_THRESHOLD = Head.DEFAULT_THRESHOLD;

    private HeadEvaluator() {
    }

    /** The head's thresholds; the default for each of {@code width} tags when the head names none (no labels). */
    private static float[] thresholds(Head head, int width) {
        float[] own = head.thresholdArray();
        if (own.length == width) {
            return own;
        }
        float[] out = new float[width];
        java.util.Arrays.fill(out, Head.DEFAULT_THRESHOLD);
        return out;
    }

    /**
     * Evaluates every head of a network with one input on every image of {@code data}, {@code batchSize} at a time,
     * with one forward pass per batch.
     *
     * @throws NonFiniteOutputException when any image gets a NaN or infinite output on any head
     * @throws IllegalArgumentException when the dataset is empty, or lacks the labels or tags a head needs
     */
    public static Map<String, HeadEvaluation> evaluate(Network network, List<Head> heads, Dataset data, int batchSize) {
        return evaluate(network, heads, data, batchSize, TestTimeAugmentation.NONE);
    }

    /**
     * As {@link #evaluate(Network, List, Dataset, int)}, scoring each image by the probabilities averaged over the
     * copies {@code augmentation} makes of it.
     */
    public static Map<String, HeadEvaluation> evaluate(Network network, List<Head> heads, Dataset data, int batchSize,
                                                       TestTimeAugmentation augmentation) {
        if (network.inputNames().size() != 1) {
            throw new IllegalArgumentException("a dataset gives one image per row, but this network has inputs "
                    + network.inputNames());
        }
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("there are no images to evaluate on; give a dataset with a test split");
        }
        int h = heads.size();
        int[] widths = new int[h];
        int[] labels = data.labels();
        int[][] predictions = new int[h][];
        int[][] ranks = new int[h][];
        float[][] probabilities = new float[h][];
        float[][] targets = new float[h][];
        double[] lossSums = new double[h];
        for (int k = 0; k < h; k++) {
            Head head = heads.get(k);
            widths[k] = network.outputShape(head.name()).size();
            Targets kind = head.loss().targets();
            if (kind == Targets.CLASS && widths[k] != data.classNames().size()) {
                throw new IllegalArgumentException("head '" + head.name() + "' has " + widths[k] + " outputs but the"
                        + " dataset has " + data.classNames().size() + " classes");
            }
            if (kind == Targets.TAGS && (!data.hasTags() || data.tagNames().size() != widths[k])) {
                throw new IllegalArgumentException("tag head '" + head.name() + "' has " + widths[k] + " outputs but the"
                        + " dataset has " + (data.hasTags() ? data.tagNames().size() + " tags" : "no tags"));
            }
            predictions[k] = new int[n];
            ranks[k] = new int[n];
            if (kind == Targets.TAGS) {
                probabilities[k] = new float[n * widths[k]];
                targets[k] = new float[n * widths[k]];
            }
        }
        var backend = network.backend();
        long nonFinite = 0;
        for (int from = 0; from < n; from += batchSize) {
            int[] indices = new int[Math.min(batchSize, n - from)];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = from + i;
            }
            Map<String, Tensor> outputs = augmentation.outputs(network, heads, data.gatherFeatures(indices, null),
                    Batches.batchShape(data, indices.length));
            for (int k = 0; k < h; k++) {
                Head head = heads.get(k);
                Tensor output = outputs.get(head.name());
                float[] scores = output.toArray();
                int w = widths[k];
                boolean finite = true;
                for (int i = 0; i < indices.length; i++) {
                    if (!ScoreRows.allFinite(scores, i * w, w)) {
                        finite = false;
                        nonFinite++;
                    }
                }
                if (!finite) {
                    continue;
                }
                Tensor target = Batches.targets(data, indices, head.loss(), w, backend);
                lossSums[k] += head.loss().evaluate(output, target).value() * indices.length;
                switch (head.loss().targets()) {
                    case CLASS -> {
                        for (int i = 0; i < indices.length; i++) {
                            predictions[k][from + i] = ScoreRows.winner(scores, i * w, w);
                            ranks[k][from + i] = ScoreRows.labelRank(scores, i * w, w, labels[from + i]);
                        }
                    }
                    case TAGS -> {
                        System.arraycopy(head.loss().probabilities(output).toArray(), 0, probabilities[k], from * w,
                                indices.length * w);
                        System.arraycopy(target.toArray(), 0, targets[k], from * w, indices.length * w);
                    }
                    case VALUES -> {
                    }
                }
            }
        }
        if (nonFinite > 0) {
            throw new NonFiniteOutputException(nonFinite, (long) n * h);
        }
        Map<String, HeadEvaluation> out = new LinkedHashMap<>();
        for (int k = 0; k < h; k++) {
            Head head = heads.get(k);
            Targets kind = head.loss().targets();
            double loss = lossSums[k] / n;
            out.put(head.name(), new HeadEvaluation(head.name(), kind, loss,
                    kind == Targets.CLASS ? new Evaluation(loss, data.classNames(), labels, predictions[k], ranks[k]) : null,
                    kind == Targets.TAGS ? new TagEvaluation(data.tagNames(), probabilities[k], targets[k],
                            thresholds(head, widths[k]))
                            : null));
        }
        return out;
    }
}
