package dev.cnn.api.optim;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Tensor;
import java.util.List;

/**
 * Stochastic gradient descent with optional (Nesterov) momentum and L2 weight decay. Type id {@code "sgd"}.
 *
 * @param learningRate the base step size
 * @param momentum     the decay of the velocity, in {@code [0, 1)}; 0 for plain SGD
 * @param nesterov     whether the step looks ahead along the velocity
 * @param weightDecay  L2 penalty added to the gradient
 * @param schedule     how the learning rate changes with the step (constant when null)
 */
public record Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay, LearningRateSchedule schedule)
        implements OptimizerConfig {

    /** Checks every value. */
    public Sgd {
        OptimizerChecks.learningRate(learningRate);
        OptimizerChecks.fraction("momentum", momentum);
        OptimizerChecks.epsilonAndDecay(1, weightDecay);
        schedule = OptimizerChecks.schedule(schedule);
    }

    /** This configuration with Nesterov momentum switched on or off. */
    public Sgd withNesterov(boolean value) {
        return new Sgd(learningRate, momentum, value, weightDecay, schedule);
    }

    /** This configuration with another weight decay. */
    public Sgd withWeightDecay(double value) {
        return new Sgd(learningRate, momentum, nesterov, value, schedule);
    }

    @Override
    public Sgd withSchedule(LearningRateSchedule value) {
        return new Sgd(learningRate, momentum, nesterov, weightDecay, value);
    }

    @Override
    public List<String> stateNames() {
        return List.of("velocity");
    }

    @Override
    public Tensor update(Backend backend, Tensor value, Tensor gradient, Tensor[] state, float learningRate, long step) {
        backend.sgdUpdateInPlace(value, gradient, state[0], learningRate, (float) momentum, nesterov, (float) weightDecay);
        return value;
    }
}
