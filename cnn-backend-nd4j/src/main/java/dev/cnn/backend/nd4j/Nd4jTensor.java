package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A tensor of the ND4J backend: a float32, c-ordered, densely packed {@link INDArray} whose buffer
 * holds exactly its elements. The off-heap buffer is freed by ND4J once the tensor is unreachable.
 */
public final class Nd4jTensor implements Tensor {
    private final INDArray array;
    private final Shape shape;
    private final Nd4jBackend backend;

    Nd4jTensor(INDArray array, Nd4jBackend backend) {
        this.array = isDenseFloatCOrder(array) ? array : array.castTo(DataType.FLOAT).dup('c');
        this.shape = Dims.shapeOf(array.shape());
        this.backend = backend;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public float[] toArray() {
        return array.data().asFloat();
    }

    @Override
    public Backend backend() {
        return backend;
    }

    /** The wrapped array; kernels read it, and only the in-place optimizer updates write it. */
    INDArray array() {
        return array;
    }

    @Override
    public String toString() {
        return "Nd4jTensor" + shape;
    }

    private static boolean isDenseFloatCOrder(INDArray a) {
        return a.dataType() == DataType.FLOAT && a.ordering() == 'c' && a.offset() == 0
                && a.data().length() == a.length() && (a.length() <= 1 || a.elementWiseStride() == 1);
    }
}
