package dev.cnn.api.loss;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Tensor;

/** The mean of squared differences, for regression. Type id {@code "mean_squared_error"}. */
public record MeanSquaredError() implements Loss {

    @Override
    public LossValue evaluate(Tensor predictions, Tensor targets) {
        Loss.requireSameShape(this, predictions, targets);
        Backend b = predictions.backend();
        int count = predictions.shape().size();
        Tensor difference = b.subtract(predictions, targets);
        double value = b.sum(b.multiply(difference, difference)) / count;
        return new LossValue(value, b.scale(difference, 2f / count));
    }

    @Override
    public Tensor probabilities(Tensor predictions) {
        return predictions;
    }

    @Override
    public Targets targets() {
        return Targets.VALUES;
    }
}
