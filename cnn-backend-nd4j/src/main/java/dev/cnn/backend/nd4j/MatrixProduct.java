package dev.cnn.backend.nd4j;

import dev.cnn.api.tensor.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code op(a) * op(b)} through libnd4j's {@code matmul} (BLAS gemm), transposing without copies. */
final class MatrixProduct {
    private MatrixProduct() {
    }

    static INDArray multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB) {
        return multiply(a, transposeA, b, transposeB, null);
    }

    /** {@link #multiply}, written into {@code product} unless it is null (it must then be {@code [m, n]}). */
    static INDArray multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray product) {
        Shape left = Dims.shapeOf(a.shape());
        Shape right = Dims.shapeOf(b.shape());
        ShapeRules.requireRank("matmul", "a", left, 2);
        ShapeRules.requireRank("matmul", "b", right, 2);
        int m = transposeA ? left.dim(1) : left.dim(0);
        int k = transposeA ? left.dim(0) : left.dim(1);
        int kRight = transposeB ? right.dim(1) : right.dim(0);
        int n = transposeB ? right.dim(0) : right.dim(1);
        if (k != kRight) {
            throw new IllegalArgumentException("matmul cannot multiply " + (transposeA ? "transposed " : "") + left
                    + " by " + (transposeB ? "transposed " : "") + right + ": inner sizes " + k + " and " + kRight);
        }
        if (product == null) {
            product = Nd4j.createUninitialized(DataType.FLOAT, m, n);
        }
        NativeOp.named("matmul").inputs(a, b).outputs(product)
                .integers(transposeA ? 1 : 0, transposeB ? 1 : 0).run();
        return product;
    }
}
