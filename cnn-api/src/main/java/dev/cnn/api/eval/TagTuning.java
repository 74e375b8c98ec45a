package dev.cnn.api.eval;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.model.Model;

/** Chooses the decision threshold of each tag of a model's tag head on validation images, for the best F1 per tag. */
public final class TagTuning {
    private TagTuning() {
    }

    /**
     * {@code model} with its tag head deciding each tag at the threshold that gives the tag its best F1 on
     * {@code validation} (already normalised); the model unchanged when it has no tag head or there are no validation
     * images.
     */
    public static Model tuned(Model model, Dataset validation, int batchSize) {
        if (validation == null || validation.size() == 0 || model.tagHead().isEmpty()) {
            return model;
        }
        TagScores scores = TagScores.of(model.network(), model.tagHead().get(), validation, batchSize);
        return model.withHead(scores.bestF1Head());
    }
}
