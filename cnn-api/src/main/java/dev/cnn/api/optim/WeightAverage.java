package dev.cnn.api.optim;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of the trainable weights (Polyak averaging, as Keras' {@code use_ema} and timm's
 * {@code ModelEma}), kept by an {@link Optimizer} ({@link Optimizer#averageWeights}) and brought up to date after each
 * of its updates: {@code average = d * average + (1 - d) * weight}, with {@code d = min(decay, (1 + t) / (10 + t))} at
 * update {@code t} (counted from 1), so that early in a run, when the first weights are poor, the average follows the
 * weights closely (the warm-up of TensorFlow's {@code ExponentialMovingAverage}). It starts from the weights it is made
 * with.
 *
 * <p>The network holds one set of weights at a time: the training weights, which the optimizer updates, or the
 * averaged ones, which evaluation and the saved model use. {@link #averagedIn()} swaps the averages in for a while, and
 * swapping is an exchange of tensors, so it costs nothing and changes no number. The statistics a layer keeps without
 * training (batch-norm running means and variances) are not averaged: the averaged network uses the ones the training
 * network has gathered, copied as they are (as Keras does, and timm without its buffer averaging); with a decay close to
 * 1 the averaged weights are close enough to the training ones for those statistics to fit them.
 */
public final class WeightAverage {
    private final double decay;
    private final Map<String, Parameter> parameters;
    /** The set of weights the network does not hold now: the averages, or the training weights when averaged in. */
    private final Map<String, Tensor> other = new LinkedHashMap<>();
    private boolean averagedIn;

    WeightAverage(double decay, Map<String, Parameter> trainable) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("the decay of a weight average is above 0 and below 1, such as 0.999; got "
                    + decay);
        }
        this.decay = decay;
        this.parameters = trainable;
        trainable.forEach((name, p) -> other.put(name, copy(p.value())));
    }

    private static Tensor copy(Tensor value) {
        return value.backend().tensor(value.toArray(), value.shape());
    }

    /** The decay asked for. */
    public double decay() {
        return decay;
    }

    /** The decay used at update {@code step} (counted from 1): the warm-up {@code (1 + t) / (10 + t)} until it is larger. */
    public double decayAt(long step) {
        return Math.min(decay, (1.0 + step) / (10.0 + step));
    }

    /** Whether the network holds the averaged weights now. */
    public boolean isAveragedIn() {
        return averagedIn;
    }

    /** Gives the network the training weights, if it does not hold them. */
    public void useTrainingWeights() {
        if (averagedIn) {
            swap();
        }
    }

    /** Gives the network the averaged weights, if it does not hold them. */
    public void useAveragedWeights() {
        if (!averagedIn) {
            swap();
        }
    }

    /** Gives the network the averaged weights until {@link Swap#close()}, which brings back what it held before. */
    public Swap averagedIn() {
        boolean before = averagedIn;
        useAveragedWeights();
        return () -> {
            if (!before) {
                useTrainingWeights();
            }
        };
    }

    /** Undoes {@link #averagedIn()} when closed; throws nothing. */
    @FunctionalInterface
    public interface Swap extends AutoCloseable {
        @Override
        void close();
    }

    private void swap() {
        parameters.forEach((name, p) -> {
            Tensor held = p.value();
            p.setValue(other.get(name));
            other.put(name, held);
        });
        averagedIn = !averagedIn;
    }

    /** Moves every average toward the training weights after update {@code step} of the optimizer. */
    void update(long step) {
        useTrainingWeights();
        float d = (float) decayAt(step);
        parameters.forEach((name, p) -> {
            Backend b = p.value().backend();
            other.put(name, b.add(b.scale(other.get(name), d), b.scale(p.value(), 1f - d)));
        });
    }

    /** The averaged values of the trainable parameter {@code name}. */
    public float[] averaged(String name) {
        return (averagedIn ? parameters.get(name).value() : other.get(name)).toArray();
    }

    /** The training values of the trainable parameter {@code name}. */
    public float[] training(String name) {
        return (averagedIn ? other.get(name) : parameters.get(name).value()).toArray();
    }

    /**
     * Restores a saved average: the network holds the averaged weights (as a model file's parameters are), and
     * {@code training} gives each trainable parameter's training weights, by name.
     *
     * @throws IllegalArgumentException when a parameter's training weights are missing or of another size
     */
    void restore(Map<String, float[]> training) {
        Map<String, Tensor> restored = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            float[] values = training.get(name);
            if (values == null || values.length != p.shape().size()) {
                throw new IllegalArgumentException("the training weights of '" + name + "' are "
                        + (values == null ? "missing" : values.length + " values for shape " + p.shape())
                        + "; the weight average cannot go on");
            }
            restored.put(name, p.value().backend().tensor(values, p.shape()));
        });
        other.clear();
        other.putAll(restored);
        averagedIn = true;
    }
}
