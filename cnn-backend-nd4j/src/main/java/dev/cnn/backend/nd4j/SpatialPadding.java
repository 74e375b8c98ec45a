package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Constant padding of the spatial axes of {@code [N, C, H, W]} arrays, and the crop that undoes it, through views. */
final class SpatialPadding {
    private SpatialPadding() {
    }

    /** {@code x} inside a border of {@code value}: {@code top}, {@code bottom} rows and {@code left}, {@code right} columns. */
    static INDArray pad(INDArray x, int top, int bottom, int left, int right, float value) {
        INDArray padded = Nd4j.valueArrayOf(new long[] {x.size(0), x.size(1), x.size(2) + top + bottom,
                x.size(3) + left + right}, value, DataType.FLOAT);
        padded.get(interior(top, left, x.size(2), x.size(3))).assign(x);
        return padded;
    }

    /** The {@code height x width} interior of {@code padded} at {@code (top, left)}, as a new array. */
    static INDArray crop(INDArray padded, int top, int left, long height, long width) {
        return padded.get(interior(top, left, height, width)).dup('c');
    }

    /** Writes the interior of {@code padded} into {@code out} and returns it. */
    static INDArray cropInto(INDArray padded, int top, int left, INDArray out) {
        return out.assign(padded.get(interior(top, left, out.size(2), out.size(3))));
    }

    private static INDArrayIndex[] interior(int top, int left, long height, long width) {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(top, top + height),
                NDArrayIndex.interval(left, left + width)};
    }
}
