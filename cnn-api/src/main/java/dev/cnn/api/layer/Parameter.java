package dev.cnn.api.layer;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Objects;

/**
 * A named tensor a layer owns: a weight the optimizer learns, or a statistic the layer keeps (a
 * batch-norm running mean, say) that is saved with the model but not trained.
 *
 * <p>Gradients accumulate: a layer's backward pass {@linkplain #addGradient adds} its contribution, and a network
 * {@linkplain #clearGradient clears} every gradient before each backward pass. So a layer used at two nodes of a
 * graph (shared weights, see {@link #tieTo}) gets the sum of both contributions.
 */
public final class Parameter {
    private final String name;
    private final boolean trainable;
    private Tensor value;
    private Tensor gradient;
    private Parameter owner;

    /**
     * @param name      a name unique within its layer, for example {@code "weight"}
     * @param value     the initial value
     * @param trainable whether the optimizer updates it from its gradient
     */
    public Parameter(String name, Tensor value, boolean trainable) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
        this.trainable = trainable;
    }

    /** The name within its layer. */
    public String name() {
        return name;
    }

    /** The shape of the value, fixed for life. */
    public Shape shape() {
        return root().value.shape();
    }

    /** Whether the optimizer updates it. */
    public boolean trainable() {
        return trainable;
    }

    /** The current value. */
    public Tensor value() {
        return root().value;
    }

    /** Replaces the value, which must keep the shape. */
    public void setValue(Tensor newValue) {
        Parameter root = root();
        if (!newValue.shape().equals(root.value.shape())) {
            throw new IllegalArgumentException("parameter '" + name + "' has shape " + root.value.shape()
                    + ", cannot take a value of shape " + newValue.shape());
        }
        root.value = newValue;
    }

    /** The gradient collected since the last {@link #clearGradient}, or null when none was. */
    public Tensor gradient() {
        return root().gradient;
    }

    /** Replaces the gradient, dropping whatever was collected. */
    public void setGradient(Tensor newGradient) {
        requireShape(newGradient);
        root().gradient = newGradient;
    }

    /** Adds a contribution to the gradient (the first contribution after {@link #clearGradient} becomes it). */
    public void addGradient(Tensor contribution) {
        requireShape(contribution);
        Parameter root = root();
        root.gradient = root.gradient == null ? contribution : contribution.backend().add(root.gradient, contribution);
    }

    /** Forgets the gradient; a network calls it on every parameter before a backward pass. */
    public void clearGradient() {
        root().gradient = null;
    }

    /**
     * Makes this parameter an alias of {@code shared}: from now on both read and write the same value and gradient.
     * A network ties the parameters of a layer used at a second node to those of its first node.
     *
     * @throws IllegalArgumentException when the names, shapes or trainability differ
     */
    public void tieTo(Parameter shared) {
        Parameter target = shared.root();
        if (target == root()) {
            return;
        }
        if (!name.equals(target.name) || trainable != target.trainable || !shape().equals(target.shape())) {
            throw new IllegalArgumentException("cannot share parameter '" + target.name + "' " + target.shape()
                    + (target.trainable ? "" : " (not trained)") + " with '" + name + "' " + shape()
                    + (trainable ? "" : " (not trained)") + ": a shared layer needs parameters of the same shapes;"
                    + " give it inputs of the shape it was built for");
        }
        this.owner = target;
        this.value = null;
        this.gradient = null;
    }

    private Parameter root() {
        Parameter p = this;
        while (p.owner != null) {
            p = p.owner;
        }
        return p;
    }

    private void requireShape(Tensor g) {
        if (!g.shape().equals(shape())) {
            throw new IllegalArgumentException("parameter '" + name + "' has shape " + shape()
                    + ", its gradient cannot have shape " + g.shape());
        }
    }
}
