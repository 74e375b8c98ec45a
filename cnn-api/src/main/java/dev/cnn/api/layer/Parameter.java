package dev.cnn.api.layer;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Objects;

/**
 * A named tensor a layer owns: a weight the optimizer learns, or a statistic the layer keeps (a
 * batch-norm running mean, say) that is saved with the model but not trained.
 */
public final class Parameter {
    private final String name;
    private final boolean trainable;
    private Tensor value;
    private Tensor gradient;

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
        return value.shape();
    }

    /** Whether the optimizer updates it. */
    public boolean trainable() {
        return trainable;
    }

    /** The current value. */
    public Tensor value() {
        return value;
    }

    /** Replaces the value, which must keep the shape. */
    public void setValue(Tensor newValue) {
        if (!newValue.shape().equals(value.shape())) {
            throw new IllegalArgumentException("parameter '" + name + "' has shape " + value.shape()
                    + ", cannot take a value of shape " + newValue.shape());
        }
        value = newValue;
    }

    /** The gradient from the last backward pass, or null before the first. */
    public Tensor gradient() {
        return gradient;
    }

    /** Stores the gradient of the loss with respect to this parameter. */
    public void setGradient(Tensor newGradient) {
        if (!newGradient.shape().equals(value.shape())) {
            throw new IllegalArgumentException("parameter '" + name + "' has shape " + value.shape()
                    + ", its gradient cannot have shape " + newGradient.shape());
        }
        gradient = newGradient;
    }
}
