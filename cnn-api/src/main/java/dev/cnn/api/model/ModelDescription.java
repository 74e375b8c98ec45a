package dev.cnn.api.model;

import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.NetworkConfig;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.TrainingPlan;
import java.util.List;

/**
 * The {@code model.json} of a model file: everything about a model but its numbers.
 *
 * @param format          always {@value #FORMAT}
 * @param formatVersion   the version of this layout; readers refuse newer ones
 * @param architecture    input shape and layers by type id
 * @param loss            the loss it was trained with, which also says how to read its outputs
 * @param classNames      a name per output class
 * @param tagNames        a name per tag for multi-label models; empty otherwise
 * @param preprocessing   how pixels become inputs
 * @param optimizer       the optimizer's hyper-parameters when its state was saved; null otherwise
 * @param optimizerSteps  updates applied so far, when the optimizer state was saved
 * @param savedBy         the backend the model was saved from, for information only
 * @param training        the run a checkpoint belongs to, so that resuming continues it; null for a plain model
 */
public record ModelDescription(String format, int formatVersion, NetworkConfig architecture, Loss loss,
                               List<String> classNames, List<String> tagNames, Preprocessing preprocessing,
                               OptimizerConfig optimizer, long optimizerSteps, String savedBy, TrainingPlan training) {

    /** The value of {@code format} in every model file. */
    public static final String FORMAT = "cnn-model";
    /** The newest layout this code reads and the one it writes. */
    public static final int CURRENT_VERSION = 1;

    /** Copies the lists, treating absent ones as empty. */
    public ModelDescription {
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        tagNames = tagNames == null ? List.of() : List.copyOf(tagNames);
        if (preprocessing == null) {
            preprocessing = Preprocessing.identity();
        }
    }
}
