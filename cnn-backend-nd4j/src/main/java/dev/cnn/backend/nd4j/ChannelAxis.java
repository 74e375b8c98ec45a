package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Concatenation and slicing along axis 1, as native ops on c-ordered copies. */
final class ChannelAxis {
    private ChannelAxis() {
    }

    static INDArray concat(INDArray[] parts) {
        if (parts.length == 1) {
            return parts[0].dup('c');
        }
        INDArray joined = Nd4j.concat(1, parts);
        return joined.ordering() == 'c' ? joined : joined.dup('c');
    }

    static INDArray slice(INDArray x, int from, int count) {
        INDArrayIndex[] index = new INDArrayIndex[x.rank()];
        for (int axis = 0; axis < index.length; axis++) {
            index[axis] = NDArrayIndex.all();
        }
        index[1] = NDArrayIndex.interval(from, from + count);
        return x.get(index).dup('c');
    }
}
