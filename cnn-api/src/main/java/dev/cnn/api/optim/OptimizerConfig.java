package dev.cnn.api.optim;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Tensor;
import java.util.List;

/**
 * An optimization algorithm: its hyper-parameters, kept apart from its state so that both can be saved, and how it
 * updates one parameter. An open type: the built-in ones are {@link Sgd}, {@link Adam}, {@link AdamW} and
 * {@link RmsProp}; a user's own joins by implementing this interface (a record is easiest) and listing an
 * {@link OptimizerTypeProvider} in {@code META-INF/services}, and then saves and resumes like a built-in one. In JSON
 * it is an object with its type id in {@code "type"}, never a class name.
 */
@JsonSerialize(using = OptimizerConfigJson.Writer.class)
@JsonDeserialize(using = OptimizerConfigJson.Reader.class)
public interface OptimizerConfig {

    /** The base step size, before the schedule. */
    double learningRate();

    /** How the learning rate changes with the step. */
    LearningRateSchedule schedule();

    /** This configuration with another learning-rate schedule. */
    OptimizerConfig withSchedule(LearningRateSchedule schedule);

    /**
     * The names of the arrays of state it keeps per parameter, each of the parameter's shape and starting at zero, for
     * example {@code ["velocity"]}; they are saved with checkpoints as {@code parameter#name}.
     */
    List<String> stateNames();

    /**
     * One update of a parameter: returns its new value, computed from {@code value}, its {@code gradient} and its
     * {@code state} (one tensor per {@linkplain #stateNames() state name}). The built-in optimizers update the value
     * and the state in place with the backend's fused kernels and return {@code value}; an optimizer written with the
     * backend's element-wise operations returns a new tensor and may replace elements of {@code state}.
     *
     * @param learningRate the learning rate of this step, after the schedule
     * @param step         the number of this update, counted from 1
     */
    Tensor update(Backend backend, Tensor value, Tensor gradient, Tensor[] state, float learningRate, long step);

    /** The learning rate at {@code step}, after the schedule. */
    default double learningRateAt(long step) {
        return learningRate() * schedule().factor(step);
    }

    /** SGD with the given learning rate and momentum (0 for none). */
    static Sgd sgd(double learningRate, double momentum) {
        return new Sgd(learningRate, momentum, false, 0, null);
    }

    /** Adam with the usual betas 0.9 and 0.999 and epsilon 1e-8. */
    static Adam adam(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, 0, null);
    }

    /** AdamW with decoupled weight decay. */
    static AdamW adamW(double learningRate, double weightDecay) {
        return new AdamW(learningRate, 0.9, 0.999, 1e-8, weightDecay, null);
    }

    /** RMSProp with rho 0.9 and epsilon 1e-8. */
    static RmsProp rmsProp(double learningRate) {
        return new RmsProp(learningRate, 0.9, 1e-8, 0, null);
    }

    /**
     * The registered optimizer named {@code id} (such as {@code "adam"}) with its default settings at
     * {@code learningRate}, as the command line's {@code --optimizer} chooses it.
     *
     * @throws IllegalArgumentException naming the known ids when none is called {@code id}
     */
    static OptimizerConfig byName(String id, double learningRate) {
        return OptimizerTypes.byId(id).withLearningRate().apply(learningRate);
    }
}
