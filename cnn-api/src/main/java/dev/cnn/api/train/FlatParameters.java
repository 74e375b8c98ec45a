package dev.cnn.api.train;

import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All parameters of a network, and their gradients, as one flat {@code float[]}: for data-parallel training (average
 * the gradients or the weights of several replicas) and for users' own training loops.
 *
 * <p>The order is fixed and documented: the parameters in the order of the network's
 * {@link dev.cnn.api.network.Network#parameters()} map (nodes in the graph's order, each layer's parameters in its
 * order), each parameter's values row-major; a parameter shared by several nodes appears once. {@link #names()} lists
 * them. Running statistics (batch norm's mean and variance) are part of {@link #values()}; they have no gradient, so
 * their part of {@link #gradients()} is zero and {@link #setGradients} leaves them alone.
 */
public final class FlatParameters {
    private final List<String> names = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final int size;

    /** The view of {@code parameters}, in their map's order. */
    public FlatParameters(Map<String, Parameter> parameters) {
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long total = 0;
        for (var entry : parameters.entrySet()) {
            if (seen.add(entry.getValue())) {
                names.add(entry.getKey());
                this.parameters.add(entry.getValue());
                total += entry.getValue().shape().size();
            }
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the network has " + total + " parameters, more than one float[] holds");
        }
        this.size = (int) total;
    }

    /** The parameters' names, in the order their values appear. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** The number of values: the sum of every parameter's size. */
    public int size() {
        return size;
    }

    /** A copy of every parameter's values, in the documented order. */
    public float[] values() {
        float[] out = new float[size];
        int at = 0;
        for (Parameter p : parameters) {
            float[] values = p.value().toArray();
            System.arraycopy(values, 0, out, at, values.length);
            at += values.length;
        }
        return out;
    }

    /** Replaces every parameter's values with the matching part of {@code flat}. */
    public void setValues(float[] flat) {
        requireSize(flat, "values");
        int at = 0;
        for (Parameter p : parameters) {
            int n = p.shape().size();
            p.setValue(p.value().backend().tensor(java.util.Arrays.copyOfRange(flat, at, at + n), p.shape()));
            at += n;
        }
    }

    /** A copy of every parameter's gradient from the last backward pass, zero where a parameter has none. */
    public float[] gradients() {
        float[] out = new float[size];
        int at = 0;
        for (Parameter p : parameters) {
            Tensor gradient = p.gradientForUpdate();
            int n = p.shape().size();
            if (gradient != null) {
                System.arraycopy(gradient.toArray(), 0, out, at, n);
            }
            at += n;
        }
        return out;
    }

    /**
     * Replaces the gradient of every trainable parameter with the matching part of {@code flat}, such as gradients
     * averaged over replicas, for the optimizer's next update.
     */
    public void setGradients(float[] flat) {
        requireSize(flat, "gradients");
        int at = 0;
        for (Parameter p : parameters) {
            int n = p.shape().size();
            if (p.trainable()) {
                p.setGradient(p.value().backend().tensor(java.util.Arrays.copyOfRange(flat, at, at + n), p.shape()));
            }
            at += n;
        }
    }

    private void requireSize(float[] flat, String what) {
        if (flat.length != size) {
            throw new IllegalArgumentException("the network has " + size + " parameter values, got " + flat.length + " "
                    + what);
        }
    }
}
