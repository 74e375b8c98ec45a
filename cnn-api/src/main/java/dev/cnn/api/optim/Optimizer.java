package dev.cnn.api.optim;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates a network's trainable parameters from their gradients. Its state (step count, momentum and
 * moment estimates) can be exported and restored, so training resumes exactly where it stopped.
 */
public final class Optimizer {
    private final OptimizerConfig config;
    private final Map<String, Parameter> parameters;
    private final Map<String, Tensor[]> slots = new LinkedHashMap<>();
    private long step;

    /** An optimizer for the trainable ones among {@code parameters}, with fresh state. */
    public Optimizer(OptimizerConfig config, Map<String, Parameter> parameters) {
        this.config = config;
        this.parameters = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            if (p.trainable()) {
                this.parameters.put(name, p);
            }
        });
    }

    /** The hyper-parameters. */
    public OptimizerConfig config() {
        return config;
    }

    /** How many updates have been applied. */
    public long step() {
        return step;
    }

    /** The learning rate the next update will use. */
    public double currentLearningRate() {
        return config.learningRateAt(step);
    }

    /** Applies one update to every trainable parameter that has a gradient. */
    public void update() {
        float lr = (float) config.learningRateAt(step);
        step++;
        for (var entry : parameters.entrySet()) {
            Parameter p = entry.getValue();
            Tensor grad = p.gradientForUpdate();
            if (grad == null) {
                continue;
            }
            Backend b = p.value().backend();
            Tensor[] s = slots.computeIfAbsent(entry.getKey(), k -> newSlots(b, p.shape()));
            Tensor updated = config.update(b, p.value(), grad, s, lr, step);
            if (updated != p.value()) {
                p.setValue(updated);
            }
        }
    }

    private Tensor[] newSlots(Backend b, Shape shape) {
        Tensor[] s = new Tensor[config.stateNames().size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = b.zeros(shape);
        }
        return s;
    }

    /**
     * The state as named arrays, the parameter's name and the {@linkplain OptimizerConfig#stateNames() state's name},
     * such as {@code "conv1.weight#m"}; the step count is {@link #step()}.
     */
    public Map<String, float[]> exportState() {
        Map<String, float[]> out = new LinkedHashMap<>();
        List<String> names = config.stateNames();
        slots.forEach((name, s) -> {
            for (int i = 0; i < s.length; i++) {
                out.put(name + "#" + names.get(i), s[i].toArray());
            }
        });
        return out;
    }

    /**
     * Restores state written by {@link #exportState()} and the step count.
     *
     * @throws IllegalArgumentException when a name or size does not match this optimizer's parameters
     */
    public void restoreState(long steps, Map<String, float[]> state) {
        Map<String, Tensor[]> restored = new LinkedHashMap<>();
        for (var entry : parameters.entrySet()) {
            Parameter p = entry.getValue();
            Tensor[] s = newSlots(p.value().backend(), p.shape());
            boolean any = false;
            for (int i = 0; i < s.length; i++) {
                String name = entry.getKey() + "#" + config.stateNames().get(i);
                // files written before the state was named number it instead
                float[] values = state.containsKey(name) ? state.get(name) : state.get(entry.getKey() + "#" + i);
                if (values != null) {
                    if (values.length != p.shape().size()) {
                        throw new IllegalArgumentException("optimizer state '" + name + "' has "
                                + values.length + " values but the parameter has shape " + p.shape());
                    }
                    s[i] = p.value().backend().tensor(values, p.shape());
                    any = true;
                }
            }
            if (any) {
                restored.put(entry.getKey(), s);
            }
        }
        slots.clear();
        slots.putAll(restored);
        this.step = steps;
    }
}
