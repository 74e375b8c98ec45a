package dev.cnn.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.TrainingPlan;
import dev.cnn.api.train.TrainingRecipe;
import java.util.List;

/**
 * The {@code model.json} of a model file of format version {@value #CURRENT_VERSION}: everything about a model but
 * its numbers. Files of version 1 (a sequential list of layers, one loss) are read by {@link LegacyModelDescription}.
 *
 * @param format          always {@value #FORMAT}
 * @param formatVersion   the version of this layout; readers refuse newer ones
 * @param graph           the architecture: inputs, nodes by layer type id with their inputs, outputs
 * @param heads           a head per output: loss, weight, class or tag names
 * @param preprocessing   how pixels become inputs
 * @param optimizer       the optimizer's hyper-parameters when its state was saved; null otherwise
 * @param optimizerSteps  updates applied so far, when the optimizer state was saved
 * @param savedBy         the backend the model was saved from, for information only
 * @param training        the run a checkpoint belongs to, so that resuming continues it; null for a plain model
 * @param weightAverage   the decay of the optimizer's moving average of the weights, when it keeps one: the file's
 *                        parameters are then the averaged weights and the optimizer state holds the training weights
 *                        as {@code NAME#training}; null otherwise (and in files written before it existed)
 * @param recipe          how the model was trained ({@link TrainingRecipe}); null when not known (files written
 *                        before it existed)
 */
public record ModelDescription(String format, int formatVersion, GraphConfig graph, List<Head> heads,
                               Normalization preprocessing, OptimizerConfig optimizer, long optimizerSteps,
                               String savedBy, TrainingPlan training,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Double weightAverage,
                               @JsonInclude(JsonInclude.Include.NON_NULL) TrainingRecipe recipe) {

    /** The value of {@code format} in every model file. */
    public static final String FORMAT = "cnn-model";
    /** The newest layout this code reads and the one it writes: 2, the graph network. */
    public static final int CURRENT_VERSION = 2;

    /** A description without a weight average or recipe. */
    public ModelDescription(String format, int formatVersion, GraphConfig graph, List<Head> heads,
                            Normalization preprocessing, OptimizerConfig optimizer, long optimizerSteps, String savedBy,
                            TrainingPlan training) {
        this(format, formatVersion, graph, heads, preprocessing, optimizer, optimizerSteps, savedBy, training, null, null);
    }

    /** Copies the heads, treating an absent list as empty. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public ModelDescription {
        heads = heads == null ? List.of() : List.copyOf(heads);
        if (preprocessing == null) {
            preprocessing = Normalization.identity();
        }
    }
}
