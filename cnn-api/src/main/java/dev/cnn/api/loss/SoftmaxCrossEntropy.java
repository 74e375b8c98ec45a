package dev.cnn.api.loss;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Tensor;

/** Softmax then cross-entropy over the last axis, for one class per image; targets are one-hot rows. Type id {@code "softmax_cross_entropy"}. */
public record SoftmaxCrossEntropy() implements Loss {

    @Override
    public LossValue evaluate(Tensor logits, Tensor targets) {
        Loss.requireSameShape(this, logits, targets);
        Backend b = logits.backend();
        int n = logits.shape().dim(0);
        double value = -b.sum(b.multiply(b.logSoftmax(logits), targets)) / n;
        return new LossValue(value, b.scale(b.subtract(b.softmax(logits), targets), 1f / n));
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
