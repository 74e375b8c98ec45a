package dev.cnn.api.optim;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The hyper-parameters of an optimizer, apart from its state so that both can be saved. Build one with
 * {@link #sgd}, {@link #adam}, {@link #adamW} or {@link #rmsProp} and the {@code with...} methods.
 *
 * @param kind         which algorithm
 * @param learningRate the base step size, before the schedule
 * @param momentum     SGD momentum, in {@code [0, 1)}
 * @param nesterov     whether SGD uses Nesterov momentum
 * @param beta1        Adam's first-moment decay
 * @param beta2        Adam's second-moment decay
 * @param rho          RMSProp's decay of the mean square
 * @param epsilon      added to denominators
 * @param weightDecay  L2 penalty added to the gradient (decoupled from it for AdamW)
 * @param schedule     how the learning rate changes with the step
 */
public record OptimizerConfig(Kind kind, double learningRate, double momentum, boolean nesterov,
                              double beta1, double beta2, double rho, double epsilon, double weightDecay,
                              LearningRateSchedule schedule) {

    /** The optimization algorithms. */
    public enum Kind {
        /** Stochastic gradient descent, with optional (Nesterov) momentum. */
        SGD,
        /** Adam (Kingma and Ba) with L2 weight decay in the gradient. */
        ADAM,
        /** Adam with decoupled weight decay (Loshchilov and Hutter). */
        ADAMW,
        /** RMSProp (Hinton). */
        RMSPROP;

        /** The lowercase name, as in files and on the command line. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind with the given name, ignoring case. */
        public static Kind fromId(String id) {
            return Arrays.stream(values()).filter(k -> k.id().equalsIgnoreCase(id.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown optimizer '" + id + "'; known: "
                            + Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", "))));
        }
    }

    /** Checks every value. */
    public OptimizerConfig {
        if (kind == null) {
            throw new IllegalArgumentException("optimizer kind is required");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)
                || !(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("momentum, beta1, beta2 and rho must be in [0, 1)");
        }
        if (!(epsilon > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("epsilon must be positive and weight decay not negative, got "
                    + epsilon + " and " + weightDecay);
        }
        if (schedule == null) {
            schedule = LearningRateSchedule.constant();
        }
    }

    /** SGD with the given learning rate and momentum (0 for none). */
    public static OptimizerConfig sgd(double learningRate, double momentum) {
        return new OptimizerConfig(Kind.SGD, learningRate, momentum, false, 0.9, 0.999, 0.9, 1e-8, 0, null);
    }

    /** Adam with the usual betas 0.9 and 0.999 and epsilon 1e-8. */
    public static OptimizerConfig adam(double learningRate) {
        return new OptimizerConfig(Kind.ADAM, learningRate, 0, false, 0.9, 0.999, 0.9, 1e-8, 0, null);
    }

    /** AdamW with decoupled weight decay. */
    public static OptimizerConfig adamW(double learningRate, double weightDecay) {
        return new OptimizerConfig(Kind.ADAMW, learningRate, 0, false, 0.9, 0.999, 0.9, 1e-8, weightDecay, null);
    }

    /** RMSProp with rho 0.9 and epsilon 1e-8. */
    public static OptimizerConfig rmsProp(double learningRate) {
        return new OptimizerConfig(Kind.RMSPROP, learningRate, 0, false, 0.9, 0.999, 0.9, 1e-8, 0, null);
    }

    /** The default optimizer for a kind and learning rate: SGD gets momentum 0.9. */
    public static OptimizerConfig of(Kind kind, double learningRate) {
        return switch (kind) {
            case SGD -> sgd(learningRate, 0.9);
            case ADAM -> adam(learningRate);
            case ADAMW -> adamW(learningRate, 0.01);
            case RMSPROP -> rmsProp(learningRate);
        };
    }

    /** This configuration with Nesterov momentum switched on or off. */
    public OptimizerConfig withNesterov(boolean value) {
        return new OptimizerConfig(kind, learningRate, momentum, value, beta1, beta2, rho, epsilon, weightDecay, schedule);
    }

    /** This configuration with another weight decay. */
    public OptimizerConfig withWeightDecay(double value) {
        return new OptimizerConfig(kind, learningRate, momentum, nesterov, beta1, beta2, rho, epsilon, value, schedule);
    }

    /** This configuration with another learning-rate schedule. */
    public OptimizerConfig withSchedule(LearningRateSchedule value) {
        return new OptimizerConfig(kind, learningRate, momentum, nesterov, beta1, beta2, rho, epsilon, weightDecay, value);
    }

    /** The learning rate at {@code step}, after the schedule. */
    public double learningRateAt(long step) {
        return learningRate * schedule.factor(step);
    }
}
