package dev.cnn.api.tensor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The dimensions of a {@link Tensor}, outermost first (row-major). Images are {@code [N, C, H, W]}.
 * Immutable; serialised to JSON as a plain array of integers.
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("every dimension must be positive, got " + Arrays.toString(dims));
            }
        }
        this.dims = dims;
    }

    /** A shape with the given dimensions, each at least 1. */
    @JsonCreator
    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    /** The number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** The size of dimension {@code axis}; negative axes count from the end. */
    public int dim(int axis) {
        return dims[axis < 0 ? dims.length + axis : axis];
    }

    /** A copy of the dimensions. */
    @JsonValue
    public int[] dims() {
        return dims.clone();
    }

    /** The number of elements: the product of the dimensions (1 for rank 0). */
    public int size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + this + " has more than 2^31-1 elements");
            }
        }
        return (int) n;
    }

    /** This shape with a new outermost (batch) dimension of size {@code n} in front. */
    public Shape withBatch(int n) {
        int[] out = new int[dims.length + 1];
        out[0] = n;
        System.arraycopy(dims, 0, out, 1, dims.length);
        return new Shape(out);
    }

    /** This shape without its outermost dimension. */
    public Shape withoutBatch() {
        if (dims.length == 0) {
            throw new IllegalStateException("a rank-0 shape has no batch dimension");
        }
        return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
    }

    /** The number of elements of one item of a batch: the product of all dimensions but the first. */
    public int sizeWithoutBatch() {
        return withoutBatch().size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** For example {@code [64, 1, 28, 28]}. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
