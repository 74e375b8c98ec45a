package dev.cnn.api.optim;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Tensor;
import java.util.List;

/**
 * RMSProp (Hinton), with L2 weight decay added to the gradient. Type id {@code "rmsprop"}.
 *
 * @param learningRate the base step size
 * @param rho          the decay of the mean square, in {@code [0, 1)}
 * @param epsilon      added to the denominator
 * @param weightDecay  L2 penalty added to the gradient
 * @param schedule     how the learning rate changes with the step (constant when null)
 */
public record RmsProp(double learningRate, double rho, double epsilon, double weightDecay, LearningRateSchedule schedule)
        implements OptimizerConfig {

    /** Checks every value. */
    public RmsProp {
        OptimizerChecks.learningRate(learningRate);
        OptimizerChecks.fraction("rho", rho);
        OptimizerChecks.epsilonAndDecay(epsilon, weightDecay);
        schedule = OptimizerChecks.schedule(schedule);
    }

    @Override
    public RmsProp withSchedule(LearningRateSchedule value) {
        return new RmsProp(learningRate, rho, epsilon, weightDecay, value);
    }

    @Override
    public List<String> stateNames() {
        return List.of("mean_square");
    }

    @Override
    public Tensor update(Backend backend, Tensor value, Tensor gradient, Tensor[] state, float learningRate, long step) {
        backend.rmsPropUpdateInPlace(value, gradient, state[0], learningRate, (float) rho, (float) epsilon,
                (float) weightDecay);
        return value;
    }
}
