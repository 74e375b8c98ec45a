package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;

/** Operations along axis 1 (the channels of {@code [N, C, H, W]}, the features of {@code [N, F]}). */
final class PerChannel {
    private static final int CHANNEL_AXIS = 1;

    private PerChannel() {
    }

    static INDArray add(INDArray x, INDArray bias) {
        return Broadcast.add(x, bias, Nd4j.createUninitialized(x.dataType(), x.shape()), CHANNEL_AXIS);
    }

    static INDArray scaleShift(INDArray x, INDArray scale, INDArray shift) {
        INDArray out = Broadcast.mul(x, scale, Nd4j.createUninitialized(x.dataType(), x.shape()), CHANNEL_AXIS);
        return Broadcast.add(out, shift, out, CHANNEL_AXIS);
    }

    static INDArray sum(INDArray x) {
        int[] otherAxes = new int[x.rank() - 1];
        for (int axis = 0, k = 0; axis < x.rank(); axis++) {
            if (axis != CHANNEL_AXIS) {
                otherAxes[k++] = axis;
            }
        }
        return x.sum(otherAxes);
    }
}
