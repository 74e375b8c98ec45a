package dev.cnn.api.loss;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What training minimises, averaged over the batch. The network's last layer gives raw scores
 * (logits) of shape {@code [N, K]}; the targets have the same shape.
 */
public enum Loss {
    /** Softmax then cross-entropy, for one class per image; targets are one-hot rows. */
    SOFTMAX_CROSS_ENTROPY("softmax_cross_entropy") {
        @Override
        public LossValue evaluate(Tensor logits, Tensor targets) {
            var b = check(logits, targets);
            int n = logits.shape().dim(0);
            double value = -b.sum(b.multiply(b.logSoftmax(logits), targets)) / n;
            return new LossValue(value, b.scale(b.subtract(b.softmax(logits), targets), 1f / n));
        }

        @Override
        public Tensor probabilities(Tensor logits) {
            return logits.backend().softmax(logits);
        }
    },
    /** Sigmoid then binary cross-entropy per output, for several tags per image; targets are multi-hot. */
    SIGMOID_BINARY_CROSS_ENTROPY("sigmoid_binary_cross_entropy") {
        @Override
        public LossValue evaluate(Tensor logits, Tensor targets) {
            var b = check(logits, targets);
            int count = logits.shape().size();
            double value = b.sum(b.subtract(b.softplus(logits), b.multiply(logits, targets))) / count;
            return new LossValue(value, b.scale(b.subtract(b.sigmoid(logits), targets), 1f / count));
        }

        @Override
        public Tensor probabilities(Tensor logits) {
            return logits.backend().sigmoid(logits);
        }
    },
    /** Mean of squared differences, for regression. */
    MEAN_SQUARED_ERROR("mean_squared_error") {
        @Override
        public LossValue evaluate(Tensor predictions, Tensor targets) {
            var b = check(predictions, targets);
            int count = predictions.shape().size();
            Tensor difference = b.subtract(predictions, targets);
            double value = b.sum(b.multiply(difference, difference)) / count;
            return new LossValue(value, b.scale(difference, 2f / count));
        }

        @Override
        public Tensor probabilities(Tensor predictions) {
            return predictions;
        }
    };

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    /** The id used in model files and on the command line. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The loss with the given id. */
    public static Loss fromId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown loss '" + id + "'; known: "
                        + Arrays.stream(values()).map(Loss::id).collect(Collectors.joining(", "))));
    }

    /** The loss averaged over the batch, and its gradient with respect to the network's output. */
    public abstract LossValue evaluate(Tensor output, Tensor targets);

    /** The network's output turned into what a user reads: class probabilities, tag probabilities or values. */
    public abstract Tensor probabilities(Tensor output);

    private static dev.cnn.api.backend.Backend check(Tensor output, Tensor targets) {
        if (!output.shape().equals(targets.shape())) {
            throw new IllegalArgumentException("loss needs outputs and targets of the same shape, got "
                    + output.shape() + " and " + targets.shape());
        }
        return output.backend();
    }
}
