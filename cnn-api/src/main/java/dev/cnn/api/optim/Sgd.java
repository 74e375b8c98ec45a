package dev.cnn.api.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Tensor;
import java.util.List;

/**
 * Stochastic gradient descent with optional (Nesterov) momentum and weight decay. Type id {@code "sgd"}.
 *
 * <p>The velocity is {@code v = momentum * v + g}; the step is {@code lr * v}, or with Nesterov momentum
 * {@code lr * (g + momentum * v)}, the gradient looked at from where the velocity is taking the weights (as PyTorch's
 * {@code SGD(nesterov=True)}). Weight decay is by default an L2 penalty added to the gradient ({@code g + weightDecay
 * * w}), which momentum then carries along; decoupled ({@code decoupledWeightDecay}, Loshchilov and Hutter's SGDW, the
 * SGD counterpart of {@link AdamW}) it instead removes {@code lr * weightDecay * w} from each weight at every step,
 * {@code w} taken before the step, apart from the gradient and its velocity. In {@code model.json} the decoupled flag
 * is written only when set, so files without it read as L2 decay, as they were written.
 *
 * @param learningRate         the base step size
 * @param momentum             the decay of the velocity, in {@code [0, 1)}; 0 for plain SGD
 * @param nesterov             whether the step looks ahead along the velocity
 * @param weightDecay          the L2 penalty added to the gradient, or with {@code decoupledWeightDecay} the fraction
 *                             of each weight removed per step, times the learning rate
 * @param schedule             how the learning rate changes with the step (constant when null)
 * @param decoupledWeightDecay whether the decay is decoupled from the gradient
 */
public record Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay, LearningRateSchedule schedule,
                  @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean decoupledWeightDecay)
        implements OptimizerConfig {

    /** Checks every value. */
    @JsonCreator
    public Sgd {
        OptimizerChecks.learningRate(learningRate);
        OptimizerChecks.fraction("momentum", momentum);
        OptimizerChecks.epsilonAndDecay(1, weightDecay);
        schedule = OptimizerChecks.schedule(schedule);
    }

    /** SGD whose weight decay, if any, is an L2 penalty on the gradient. */
    public Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay, LearningRateSchedule schedule) {
        this(learningRate, momentum, nesterov, weightDecay, schedule, false);
    }

    /** This configuration with Nesterov momentum switched on or off. */
    public Sgd withNesterov(boolean value) {
        return new Sgd(learningRate, momentum, value, weightDecay, schedule, decoupledWeightDecay);
    }

    /** This configuration with another L2 weight decay (keeping whether it is decoupled). */
    public Sgd withWeightDecay(double value) {
        return new Sgd(learningRate, momentum, nesterov, value, schedule, decoupledWeightDecay);
    }

    /** This configuration with another momentum. */
    public Sgd withMomentum(double value) {
        return new Sgd(learningRate, value, nesterov, weightDecay, schedule, decoupledWeightDecay);
    }

    /** This configuration removing {@code lr * value * w} from each weight per step, decoupled from the gradient. */
    public Sgd withDecoupledWeightDecay(double value) {
        return new Sgd(learningRate, momentum, nesterov, value, schedule, true);
    }

    @Override
    public Sgd withSchedule(LearningRateSchedule value) {
        return new Sgd(learningRate, momentum, nesterov, weightDecay, value, decoupledWeightDecay);
    }

    @Override
    public List<String> stateNames() {
        return List.of("velocity");
    }

    @Override
    public Tensor update(Backend backend, Tensor value, Tensor gradient, Tensor[] state, float learningRate, long step) {
        if (!decoupledWeightDecay || weightDecay == 0) {
            backend.sgdUpdateInPlace(value, gradient, state[0], learningRate, (float) momentum, nesterov,
                    (float) weightDecay);
            return value;
        }
        Tensor decay = backend.scale(value, -(float) (learningRate * weightDecay));
        backend.sgdUpdateInPlace(value, gradient, state[0], learningRate, (float) momentum, nesterov, 0f);
        backend.addInPlace(value, decay);
        return value;
    }
}
