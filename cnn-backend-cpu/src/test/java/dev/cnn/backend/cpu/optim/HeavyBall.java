package dev.cnn.backend.cpu.optim;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.optim.LearningRateSchedule;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.tensor.Tensor;
import java.util.List;

/**
 * A user's own optimizer, written with the backend's element-wise operations only: heavy-ball momentum,
 * {@code v = beta v + g; w = w - lr v}.
 */
public record HeavyBall(double learningRate, double beta, LearningRateSchedule schedule) implements OptimizerConfig {
    /** Fills in the schedule. */
    public HeavyBall {
        schedule = schedule == null ? LearningRateSchedule.constant() : schedule;
    }

    @Override
    public HeavyBall withSchedule(LearningRateSchedule value) {
        return new HeavyBall(learningRate, beta, value);
    }

    @Override
    public List<String> stateNames() {
        return List.of("velocity");
    }

    @Override
    public Tensor update(Backend backend, Tensor value, Tensor gradient, Tensor[] state, float learningRate, long step) {
        state[0] = backend.add(backend.scale(state[0], (float) beta), gradient);
        return backend.subtract(value, backend.scale(state[0], learningRate));
    }
}
