package dev.cnn.cli.training;

import dev.cnn.api.eval.Evaluation;
import dev.cnn.api.eval.TagEvaluation;
import dev.cnn.api.model.Model;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.train.EpochScores;
import java.util.List;
import java.util.Optional;

/**
 * What a training run produced.
 *
 * @param model          the trained model
 * @param optimizer      the optimizer with its state, to save for resuming
 * @param epochs         the scores of each epoch run now (empty when a resumed run had no epochs left)
 * @param testEvaluation the final model's class head on the test split
 * @param testTags       the final model's tag head on the test split, at its thresholds; null without a tag head
 * @param stopReason     why training ended early, if it did
 * @param bestEpoch      the epoch whose weights the model holds when the run kept its best one, 0 when it did not
 *                       (the model is the last epoch's)
 */
public record TrainingResult(Model model, Optimizer optimizer, List<EpochScores> epochs, Evaluation testEvaluation,
                             TagEvaluation testTags, Optional<String> stopReason, int bestEpoch) {
    /** Copies the list. */
    public TrainingResult {
        epochs = List.copyOf(epochs);
    }

    /** A result whose model is the last epoch's. */
    public TrainingResult(Model model, Optimizer optimizer, List<EpochScores> epochs, Evaluation testEvaluation,
                          TagEvaluation testTags, Optional<String> stopReason) {
        this(model, optimizer, epochs, testEvaluation, testTags, stopReason, 0);
    }
}
