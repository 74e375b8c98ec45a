package dev.cnn.api.loss;

import java.util.Map;

/** Registers the type ids of the losses that come with the framework. */
public final class BuiltinLossTypes implements LossTypeProvider {

    @Override
    public Map<String, Class<? extends Loss>> lossTypes() {
        return Map.of("softmax_cross_entropy", SoftmaxCrossEntropy.class,
                "sigmoid_binary_cross_entropy", SigmoidBinaryCrossEntropy.class,
                "mean_squared_error", MeanSquaredError.class);
    }
}
