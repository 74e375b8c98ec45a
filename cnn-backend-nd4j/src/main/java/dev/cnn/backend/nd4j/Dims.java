package dev.cnn.backend.nd4j;

import dev.cnn.api.tensor.Shape;

/** Conversions between the API's {@link Shape} and ND4J's {@code long[]} dimensions. */
final class Dims {
    private Dims() {
    }

    static long[] of(Shape shape) {
        int[] dims = shape.dims();
        long[] out = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = dims[i];
        }
        return out;
    }

    static Shape shapeOf(long[] dims) {
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = Math.toIntExact(dims[i]);
        }
        return Shape.of(out);
    }
}
