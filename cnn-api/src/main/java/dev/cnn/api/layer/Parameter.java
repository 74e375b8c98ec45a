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
 *
 * <p>The gradient lives in a buffer the parameter owns and reuses from one backward pass to the next: a layer asks
 * for it with {@link #gradientTarget()}, has a kernel write its contribution there and hands the result to
 * {@link #addGradientFromTarget}; later contributions are added into the buffer in place. A tensor given to
 * {@link #addGradient} or {@link #setGradient} is only read, never written. Once {@link #gradient()} has handed the
 * buffer out, the parameter never writes into it again (it takes a new one), so a tensor a caller keeps keeps its
 * values; {@link #gradientForUpdate()} reads it without handing it out.
 */
public final class Parameter {
    private final String name;
    private final boolean trainable;
    private Tensor value;
    private Tensor gradient;
    /** The buffer this parameter owns: the gradient itself when {@code owned}, else free for the next pass. */
    private Tensor buffer;
    /** Where a second contribution of one pass is written before it is added into the buffer. */
    private Tensor spare;
    private boolean owned;
    private boolean exposed;
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

    /**
     * The gradient collected since the last {@link #clearGradient}, or null when none was. The tensor keeps its values
     * for good: the parameter will not write into it again.
     */
    public Tensor gradient() {
        Parameter root = root();
        root.exposed |= root.owned;
        return root.gradient;
    }

    /**
     * The gradient as {@link #gradient()}, for a caller that reads it at once and keeps no reference (an optimizer's
     * update, a copy into a flat array): the parameter may overwrite this tensor in a later backward pass.
     */
    public Tensor gradientForUpdate() {
        return root().gradient;
    }

    /** Replaces the gradient, dropping whatever was collected; {@code newGradient} is only read, never written. */
    public void setGradient(Tensor newGradient) {
        requireShape(newGradient);
        Parameter root = root();
        root.release();
        root.gradient = newGradient;
    }

    /**
     * Adds a contribution to the gradient (the first contribution after {@link #clearGradient} becomes it).
     * {@code contribution} is only read, never written, and may be kept until the next {@link #clearGradient}.
     */
    public void addGradient(Tensor contribution) {
        requireShape(contribution);
        Parameter root = root();
        if (root.gradient == null) {
            root.gradient = contribution;
        } else {
            root.accumulate(contribution);
        }
    }

    /**
     * The tensor a layer should have a kernel write its next contribution to this gradient into (an {@code out}
     * argument of a backend's {@code ...Into} kernel), then give to {@link #addGradientFromTarget}; null before the
     * parameter has a buffer.
     */
    public Tensor gradientTarget() {
        Parameter root = root();
        return root.gradient == null ? root.buffer : root.spare;
    }

    /**
     * Adds a contribution that a kernel wrote into {@link #gradientTarget()}, or returned as a new tensor instead: the
     * parameter takes it over as its own buffer, so the caller must neither keep nor change it.
     */
    public void addGradientFromTarget(Tensor contribution) {
        requireShape(contribution);
        Parameter root = root();
        if (root.gradient == null) {
            root.buffer = contribution;
            root.gradient = contribution;
            root.owned = true;
        } else {
            root.spare = contribution;
            root.accumulate(contribution);
        }
    }

    /** Forgets the gradient; a network calls it on every parameter before a backward pass. */
    public void clearGradient() {
        Parameter root = root();
        root.release();
        root.gradient = null;
    }

    /** Adds {@code contribution} into a gradient this parameter owns and has not handed out, taking one if needed. */
    private void accumulate(Tensor contribution) {
        var backend = contribution.backend();
        if (owned && !exposed) {
            backend.addInPlace(gradient, contribution);
            return;
        }
        release();
        buffer = backend.addInto(gradient, contribution, buffer);
        gradient = buffer;
        owned = true;
    }

    /** Stops using the gradient as the buffer: drops the buffer when it was handed out, keeps it otherwise. */
    private void release() {
        if (exposed) {
            buffer = null;
        }
        exposed = false;
        owned = false;
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
        this.buffer = null;
        this.spare = null;
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
