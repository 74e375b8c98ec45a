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
 * moment estimates, and the {@linkplain #averageWeights weight average} when it keeps one) can be exported and
 * restored, so training resumes exactly where it stopped.
 */
public final class Optimizer {
    private final OptimizerConfig config;
    private final Map<String, Parameter> parameters;
    private final Map<String, Tensor[]> slots = new LinkedHashMap<>();
    private long step;
    private WeightAverage average;

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

    /**
     * Keeps an exponential moving average of the trainable weights from now on ({@link WeightAverage}), starting from
     * their present values; its training weights are saved with the rest of the state as {@code NAME#training}.
     *
     * @return this optimizer
     * @throws IllegalStateException    when updates have been applied already, or it keeps an average already
     * @throws IllegalArgumentException when {@code decay} is not above 0 and below 1
     */
    public Optimizer averageWeights(double decay) {
        if (step > 0 || average != null) {
            throw new IllegalStateException("a weight average starts before the first update, once; this optimizer has"
                    + " made " + step + " updates" + (average != null ? " and keeps one already" : ""));
        }
        average = new WeightAverage(decay, parameters);
        return this;
    }

    /** The moving average of the weights it keeps, or null when it keeps none. */
    public WeightAverage average() {
        return average;
    }

    /** The names of the arrays saved per parameter: the algorithm's, then {@code training} with a weight average. */
    private List<String> savedStateNames() {
        List<String> names = new java.util.ArrayList<>(config.stateNames());
        if (average != null) {
            names.add(TRAINING);
        }
        return names;
    }

    /** The state name of the training weights of a run that averages its weights. */
    public static final String TRAINING = "training";

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
        if (average != null) {
            average.useTrainingWeights();
        }
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
        if (average != null) {
            average.update(step);
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
     * such as {@code "conv1.weight#m"}; the step count is {@link #step()}. Once an update has been applied, every
     * trainable parameter has its state here (zeros for one that has had no gradient yet, as its fresh state is), so
     * that {@link #restoreState} can tell a whole checkpoint from one whose state was lost.
     */
    public Map<String, float[]> exportState() {
        Map<String, float[]> out = new LinkedHashMap<>();
        List<String> names = config.stateNames();
        parameters.forEach((name, p) -> {
            Tensor[] s = slots.get(name);
            if (s == null && step == 0) {
                if (average != null) {
                    out.put(name + "#" + TRAINING, average.training(name));
                }
                return;
            }
            for (int i = 0; i < names.size(); i++) {
                out.put(name + "#" + names.get(i), s == null ? new float[p.shape().size()] : s[i].toArray());
            }
            if (average != null) {
                out.put(name + "#" + TRAINING, average.training(name));
            }
        });
        return out;
    }

    /**
     * The first state array {@link #restoreState} would miss in {@code state} after {@code steps} updates, by its name
     * (such as {@code "conv1.weight#m"}); empty when the state is whole: after an update, every trainable parameter has
     * each of its arrays, and before the first one none is needed.
     */
    public java.util.Optional<String> missingState(long steps, Map<String, float[]> state) {
        if (steps <= 0) {
            return java.util.Optional.empty();
        }
        List<String> names = savedStateNames();
        for (String parameter : parameters.keySet()) {
            for (int i = 0; i < names.size(); i++) {
                String name = parameter + "#" + names.get(i);
                if (!state.containsKey(name) && !state.containsKey(parameter + "#" + i)) {
                    return java.util.Optional.of(name);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Restores state written by {@link #exportState()} and the step count. With a {@linkplain #averageWeights weight
     * average}, the parameters must hold the averaged weights (as a model file's parameters do); the state's
     * {@code NAME#training} arrays give the training weights, which the network gets back when training goes on.
     *
     * @throws IllegalArgumentException when the step count is negative; when a name or size does not match this
     *                                  optimizer's parameters; or when updates have been applied ({@code steps > 0})
     *                                  but a trainable parameter's state is missing, so that the run would go on with
     *                                  fresh state where it had learned some
     */
    public void restoreState(long steps, Map<String, float[]> state) {
        if (steps < 0) {
            throw new IllegalArgumentException("the optimizer's step count is " + steps + "; it cannot be negative");
        }
        java.util.Optional<String> missing = missingState(steps, state);
        if (missing.isPresent()) {
            throw new IllegalArgumentException("the optimizer state '" + missing.get() + "' is missing after " + steps
                    + " updates: the state is not whole");
        }
        Map<String, Tensor[]> restored = new LinkedHashMap<>();
        java.util.Set<String> unused = new java.util.LinkedHashSet<>(state.keySet());
        if (average != null) {
            Map<String, float[]> training = new LinkedHashMap<>();
            parameters.keySet().forEach(name -> {
                float[] values = state.get(name + "#" + TRAINING);
                if (values != null) {
                    training.put(name, values);
                    unused.remove(name + "#" + TRAINING);
                }
            });
            if (!training.isEmpty() || steps > 0) {
                average.restore(training);
            }
        }
        for (var entry : parameters.entrySet()) {
            Parameter p = entry.getValue();
            Tensor[] s = newSlots(p.value().backend(), p.shape());
            boolean any = false;
            for (int i = 0; i < s.length; i++) {
                String name = entry.getKey() + "#" + config.stateNames().get(i);
                // files written before the state was named number it instead
                String key = state.containsKey(name) ? name : entry.getKey() + "#" + i;
                float[] values = state.get(key);
                if (values == null) {
                    continue;
                }
                unused.remove(key);
                if (values.length != p.shape().size()) {
                    throw new IllegalArgumentException("optimizer state '" + name + "' has "
                            + values.length + " values but the parameter has shape " + p.shape());
                }
                s[i] = p.value().backend().tensor(values, p.shape());
                any = true;
            }
            if (any) {
                restored.put(entry.getKey(), s);
            }
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("optimizer state " + unused + " belongs to no trainable parameter");
        }
        slots.clear();
        slots.putAll(restored);
        this.step = steps;
    }
}
