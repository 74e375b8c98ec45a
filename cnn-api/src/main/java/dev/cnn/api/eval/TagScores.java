package dev.cnn.api.eval;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.loss.Targets;
import dev.cnn.api.model.Head;
import dev.cnn.api.network.Network;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.api.train.Batches;
import java.util.Map;

/**
 * What a tag head says about every image of a tagged dataset, beside the truth: the raw material of threshold choice
 * ({@link #bestF1Head()}) and of {@link TagEvaluation}.
 *
 * @param head          the tag head scored
 * @param probabilities {@code images x tags} probabilities, row-major
 * @param truth         {@code images x tags}, 1 where the image has the tag
 */
public record TagScores(Head head, float[] probabilities, float[] truth) {

    /**
     * Runs {@code network} in inference mode over {@code data} ({@code batchSize} images at a time, already
     * preprocessed) and collects the probabilities of the tag head {@code head}.
     *
     * @throws IllegalArgumentException when the head is no tag head, or the dataset has no tags or other tags
     * @throws NonFiniteOutputException when any image gets a NaN or infinite probability
     */
    public static TagScores of(Network network, Head head, Dataset data, int batchSize) {
        if (head.loss().targets() != Targets.TAGS) {
            throw new IllegalArgumentException("head '" + head.name() + "' trains with " + head.loss().id()
                    + "; tag scores need a tag head (sigmoid_binary_cross_entropy)");
        }
        int tags = network.outputShape(head.name()).size();
        if (!data.hasTags() || data.tagNames().size() != tags) {
            throw new IllegalArgumentException("tag head '" + head.name() + "' has " + tags + " outputs but the dataset has "
                    + (data.hasTags() ? data.tagNames().size() + " tags" : "no tags") + "; give the tagged data it was"
                    + " trained on");
        }
        if (!head.labels().equals(data.tagNames())) {
            throw new IllegalArgumentException("tag head '" + head.name() + "' knows the tags " + head.labels()
                    + " but the dataset has " + data.tagNames());
        }
        int n = data.size();
        float[] probabilities = new float[n * tags];
        float[] truth = new float[n * tags];
        String input = network.inputNames().get(0);
        for (int from = 0; from < n; from += batchSize) {
            int[] indices = new int[Math.min(batchSize, n - from)];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = from + i;
            }
            Map<String, Tensor> outputs = network.forward(Map.of(input, Batches.features(data, indices, network.backend())),
                    false);
            float[] p = head.loss().probabilities(outputs.get(head.name())).toArray();
            System.arraycopy(p, 0, probabilities, from * tags, p.length);
            System.arraycopy(data.gatherTags(indices), 0, truth, from * tags, indices.length * tags);
        }
        long nonFinite = ScoreRows.nonFiniteRows(probabilities, tags);
        if (nonFinite > 0) {
            throw new NonFiniteOutputException(nonFinite, n);
        }
        return new TagScores(head, probabilities, truth);
    }

    /** Checks that there is a row of probabilities and truth per image, a value per tag of the head. */
    public TagScores {
        int tags = head.labels().size();
        if (tags == 0 || probabilities.length != truth.length || probabilities.length % tags != 0) {
            throw new IllegalArgumentException("tag head '" + head.name() + "' with " + tags + " tag names cannot hold "
                    + probabilities.length + " probabilities and " + truth.length + " truth values");
        }
    }

    /** The number of tags. */
    public int tags() {
        return head.labels().size();
    }

    /** The number of images scored. */
    public int images() {
        return probabilities.length / tags();
    }

    /** The head deciding each tag at the threshold that gives it the best F1 on these images. */
    public Head bestF1Head() {
        return head.withThresholds(TagThresholds.bestF1(probabilities, truth, tags()));
    }

    /** The metrics of these probabilities at the thresholds of {@code decider} (this head, or one with other thresholds). */
    public TagEvaluation evaluate(Head decider) {
        if (decider.labels().size() != tags()) {
            throw new IllegalArgumentException("head '" + decider.name() + "' decides " + decider.labels().size()
                    + " tags, these scores have " + tags());
        }
        return new TagEvaluation(decider.labels(), probabilities, truth, decider.thresholdArray());
    }
}
