package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Operations along axis 1 (the channels of {@code [N, C, H, W]}, the features of {@code [N, F]}), the kernels of
 * batch normalisation. A per-channel vector takes part as a {@code [1, C, 1, 1]} view, through libnd4j's broadcasting
 * element-wise ops (one pass in memory order: 0.36-0.39 ms for 64 x 32 x 28 x 28, where the older
 * {@code Broadcast.mul} along axis 1 walks the channels with strides, 1.1-2.0 ms; NativeOpTimings); sums are two
 * BLAS matrix-vector products with {@link Ones}. Each result is written into the given array when it is not null.
 */
final class PerChannel {
    private PerChannel() {
    }

    /** {@code x + bias[c]}. */
    static INDArray add(INDArray x, INDArray bias, INDArray out) {
        out = orNew(out, x);
        elementWise("add", x, spread(bias, x), out);
        return out;
    }

    /** {@code x * scale[c] + shift[c]}. */
    static INDArray scaleShift(INDArray x, INDArray scale, INDArray shift, INDArray out) {
        out = orNew(out, x);
        elementWise("multiply", x, spread(scale, x), out);
        elementWise("add", out, spread(shift, x), out);
        return out;
    }

    /** {@code x * xScale[c] + y * yScale[c] + shift[c]}. */
    static INDArray scaleAdd(INDArray x, INDArray xScale, INDArray y, INDArray yScale, INDArray shift, INDArray out) {
        out = orNew(out, x);
        elementWise("multiply", x, spread(xScale, x), out);
        try (MemoryWorkspace scope = Scratch.open()) {
            INDArray scaledY = Nd4j.createUninitialized(DataType.FLOAT, y.shape());
            elementWise("multiply", y, spread(yScale, y), scaledY);
            elementWise("add", out, scaledY, out);
        }
        elementWise("add", out, spread(shift, x), out);
        return out;
    }

    /** Per channel, the sum of {@code x}: {@code [C]}. */
    static INDArray sum(INDArray x, INDArray out) {
        long images = x.size(0);
        long channels = x.size(1);
        if (out == null) {
            out = Nd4j.createUninitialized(DataType.FLOAT, channels);
        }
        long positions = x.length() / Math.max(1, images * channels);
        if (positions <= 1 || images * channels == 0) {
            sumImages(x.reshape('c', images, channels), out);
            return out;
        }
        try (MemoryWorkspace scope = Scratch.open()) {
            INDArray perImage = Nd4j.createUninitialized(DataType.FLOAT, images * channels, 1);
            matmul(x.reshape('c', images * channels, positions), Ones.column(Math.toIntExact(positions)), perImage);
            sumImages(perImage.reshape('c', images, channels), out);
        }
        return out;
    }

    /** Per channel, the sum of {@code (a - aCenter[c]) * (b - bCenter[c])}: {@code [C]}. */
    static INDArray sumOfCenteredProducts(INDArray a, INDArray aCenter, INDArray b, INDArray bCenter) {
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, a.size(1));
        try (MemoryWorkspace scope = Scratch.open()) {
            INDArray products = Nd4j.createUninitialized(DataType.FLOAT, a.shape());
            if (a == b && aCenter == bCenter) {
                elementWise("squaredsubtract", a, spread(aCenter, a), products);
            } else {
                INDArray centeredB = Nd4j.createUninitialized(DataType.FLOAT, b.shape());
                elementWise("subtract", a, spread(aCenter, a), products);
                elementWise("subtract", b, spread(bCenter, b), centeredB);
                elementWise("multiply", products, centeredB, products);
            }
            sum(products, out);
        }
        return out;
    }

    private static void sumImages(INDArray perImage, INDArray out) {
        long images = perImage.size(0);
        if (images == 0) {
            out.assign(0);
            return;
        }
        matmul(Ones.row(Math.toIntExact(images)), perImage, out.reshape('c', 1, perImage.size(1)));
    }

    private static void matmul(INDArray a, INDArray b, INDArray product) {
        NativeOp.named("matmul").inputs(a, b).outputs(product).integers(0, 0).run();
    }

    private static void elementWise(String op, INDArray a, INDArray b, INDArray out) {
        NativeOp.named(op).inputs(a, b).outputs(out).run();
    }

    /** {@code [C]} as {@code [1, C, 1, ...]} for broadcasting against {@code like}. */
    private static INDArray spread(INDArray vector, INDArray like) {
        long[] shape = new long[like.rank()];
        java.util.Arrays.fill(shape, 1);
        shape[1] = vector.length();
        return vector.reshape('c', shape);
    }

    private static INDArray orNew(INDArray out, INDArray like) {
        return out != null ? out : Nd4j.createUninitialized(DataType.FLOAT, like.shape());
    }
}
