package dev.cnn.api.loss;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Tensor;

/** Sigmoid then binary cross-entropy per output, for several tags per image; targets are multi-hot. Type id {@code "sigmoid_binary_cross_entropy"}. */
public record SigmoidBinaryCrossEntropy() implements Loss {

    @Override
    public LossValue evaluate(Tensor logits, Tensor targets) {
        Loss.requireSameShape(this, logits, targets);
        Backend b = logits.backend();
        int count = logits.shape().size();
        double value = b.sum(b.subtract(b.softplus(logits), b.multiply(logits, targets))) / count;
        return new LossValue(value, b.scale(b.subtract(b.sigmoid(logits), targets), 1f / count));
    }

    @Override
    public Tensor probabilities(Tensor logits) {
        return logits.backend().sigmoid(logits);
    }

    @Override
    public Targets targets() {
        return Targets.TAGS;
    }
}
