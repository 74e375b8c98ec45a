package dev.cnn.api.optim;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Tensor;
import java.util.List;

/**
 * Adam (Kingma and Ba), with L2 weight decay added to the gradient. Type id {@code "adam"}.
 *
 * @param learningRate the base step size
 * @param beta1        the decay of the first-moment estimate, in {@code [0, 1)}
 * @param beta2        the decay of the second-moment estimate, in {@code [0, 1)}
 * @param epsilon      added to the denominator
 * @param weightDecay  L2 penalty added to the gradient
 * @param schedule     how the learning rate changes with the step (constant when null)
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
                   LearningRateSchedule schedule) implements OptimizerConfig {

    /** Checks every value. */
    public Adam {
        OptimizerChecks.learningRate(learningRate);
        OptimizerChecks.fraction("beta1", beta1);
        OptimizerChecks.fraction("beta2", beta2);
        OptimizerChecks.epsilonAndDecay(epsilon, weightDecay);
        schedule = OptimizerChecks.schedule(schedule);
    }

    /** This configuration with another weight decay. */
    public Adam withWeightDecay(double value) {
        return new Adam(learningRate, beta1, beta2, epsilon, value, schedule);
    }

    @Override
    public Adam withSchedule(LearningRateSchedule value) {
        return new Adam(learningRate, beta1, beta2, epsilon, weightDecay, value);
    }

    @Override
    public List<String> stateNames() {
        return List.of("m", "v");
    }

    @Override
    public Tensor update(Backend backend, Tensor value, Tensor gradient, Tensor[] state, float learningRate, long step) {
        backend.adamUpdateInPlace(value, gradient, state[0], state[1], learningRate, (float) beta1, (float) beta2,
                (float) epsilon, Math.toIntExact(step), (float) weightDecay, 0f);
        return value;
    }
}
