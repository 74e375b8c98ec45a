package dev.cnn.api.loss;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.cnn.api.tensor.Tensor;

/**
 * What training minimises for one output (head) of a network, averaged over the batch. An open type: the three
 * built-in losses are the constants here, and a user's own loss registers its logical type id through a
 * {@link LossTypeProvider}, so model files name it by id, never by class. Written to JSON as
 * {@code {"type": "softmax_cross_entropy"}} plus the loss's own settings.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface Loss {
    /** Softmax then cross-entropy, for one class per image; targets are one-hot rows. */
    Loss SOFTMAX_CROSS_ENTROPY = new SoftmaxCrossEntropy();
    /** Sigmoid then binary cross-entropy per output, for several tags per image; targets are multi-hot. */
    Loss SIGMOID_BINARY_CROSS_ENTROPY = new SigmoidBinaryCrossEntropy();
    /** Mean of squared differences, for regression; trained against one-hot class rows by default. */
    Loss MEAN_SQUARED_ERROR = new MeanSquaredError();

    /** The loss averaged over the batch, and its gradient with respect to the network's output. */
    LossValue evaluate(Tensor output, Tensor targets);

    /** The network's output turned into what a user reads: class probabilities, tag probabilities or values. */
    Tensor probabilities(Tensor output);

    /** What the targets of this loss are made from, which also says how its head is scored. */
    @JsonIgnore
    Targets targets();

    /** The type id this loss is registered under, for example {@code "softmax_cross_entropy"}. */
    @JsonIgnore
    default String id() {
        return LossTypes.idOf(this);
    }

    /** The loss registered under {@code id}, with its default settings. */
    static Loss fromId(String id) {
        return LossTypes.create(id);
    }

    /** Checks that {@code output} and {@code targets} have one shape, for implementations. */
    static void requireSameShape(Loss loss, Tensor output, Tensor targets) {
        if (!output.shape().equals(targets.shape())) {
            throw new IllegalArgumentException(loss.id() + " needs outputs and targets of the same shape, got "
                    + output.shape() + " and " + targets.shape());
        }
    }
}
