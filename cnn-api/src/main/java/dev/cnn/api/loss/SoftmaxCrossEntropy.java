package dev.cnn.api.loss;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;

/**
 * Softmax then cross-entropy over the last axis, for one class per image; targets are one-hot rows. Type id
 * {@code "softmax_cross_entropy"}.
 *
 * <p>With label smoothing {@code ε} (Szegedy et al., as Keras' {@code label_smoothing} and PyTorch's
 * {@code CrossEntropyLoss(label_smoothing=ε)}) each one-hot row {@code y} of {@code K} classes is trained against
 * {@code (1 - ε) y + ε / K}: the true class keeps most of the mass and every class gets {@code ε / K}, which keeps the
 * network from driving its logits apart without bound. The loss is {@code -Σ q log softmax(z)} over the smoothed
 * target {@code q}, averaged over the batch, and its gradient is {@code (softmax(z) - q) / N}. In {@code model.json} the
 * smoothing is written only when it is not 0, so a plain head reads and writes as before.
 *
 * @param labelSmoothing the share {@code ε} of each target spread evenly over the classes, in {@code [0, 1)}
 */
public record SoftmaxCrossEntropy(@JsonInclude(JsonInclude.Include.NON_DEFAULT) double labelSmoothing) implements Loss {

    /** Checks the smoothing. */
    public SoftmaxCrossEntropy {
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("label smoothing is a fraction at least 0 and below 1, such as 0.1; got "
                    + labelSmoothing);
        }
    }

    /** Without label smoothing. */
    public SoftmaxCrossEntropy() {
        this(0);
    }

    @Override
    public LossValue evaluate(Tensor logits, Tensor targets) {
        Loss.requireSameShape(this, logits, targets);
        Backend b = logits.backend();
        int n = logits.shape().dim(0);
        Tensor q = smoothed(targets);
        double value = -b.sum(b.multiply(b.logSoftmax(logits), q)) / n;
        return new LossValue(value, b.scale(b.subtract(b.softmax(logits), q), 1f / n));
    }

    /** The targets the loss trains against: {@code targets} itself without smoothing. */
    public Tensor smoothed(Tensor targets) {
        if (labelSmoothing == 0) {
            return targets;
        }
        Backend b = targets.backend();
        int classes = targets.shape().dim(-1);
        float[] even = new float[targets.shape().size()];
        Arrays.fill(even, (float) (labelSmoothing / classes));
        return b.add(b.scale(targets, (float) (1 - labelSmoothing)), b.tensor(even, targets.shape()));
    }

    /** This loss with another label smoothing. */
    public SoftmaxCrossEntropy withLabelSmoothing(double value) {
        return new SoftmaxCrossEntropy(value);
    }

    @Override
    public Tensor probabilities(Tensor logits) {
        return logits.backend().softmax(logits);
    }

    @Override
    public Targets targets() {
        return Targets.CLASS;
    }
}
