package dev.cnn.cli.training;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Evaluation;
import dev.cnn.api.eval.HeadEvaluation;
import dev.cnn.api.eval.HeadEvaluator;
import dev.cnn.api.eval.TagEvaluation;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import java.util.Map;

/**
 * How a model with a class head and perhaps a tag head did on a dataset, in one pass over it.
 *
 * @param loss    the weighted sum of the heads' mean losses
 * @param classes the class head's metrics
 * @param tags    the tag head's metrics at its thresholds; null when the model has no tag head
 */
public record ModelScores(double loss, Evaluation classes, TagEvaluation tags) {

    /**
     * Scores every head of {@code model} on {@code prepared} (already normalised as the model expects).
     *
     * @throws IllegalArgumentException when the model has no class head
     */
    public static ModelScores of(Model model, Dataset prepared, int batchSize) {
        return of(model, prepared, batchSize, dev.cnn.api.eval.TestTimeAugmentation.NONE);
    }

    /** As {@link #of(Model, Dataset, int)}, each image scored by the average over the copies {@code tta} makes. */
    public static ModelScores of(Model model, Dataset prepared, int batchSize, dev.cnn.api.eval.TestTimeAugmentation tta) {
        Head classHead = model.classHead().orElseThrow(() -> new IllegalArgumentException(
                "the model has no class head (softmax_cross_entropy); its heads are " + model.heads()));
        Map<String, HeadEvaluation> byHead = HeadEvaluator.evaluate(model.network(), model.heads(), prepared, batchSize,
                tta);
        double loss = 0;
        for (Head head : model.heads()) {
            loss += head.weight() * byHead.get(head.name()).loss();
        }
        TagEvaluation tags = model.tagHead().map(h -> byHead.get(h.name()).tags()).orElse(null);
        return new ModelScores(loss, byHead.get(classHead.name()).classes(), tags);
    }
}
