package dev.cnn.api.backend;

import dev.cnn.api.tensor.Shape;
import java.util.List;

/**
 * The shape rules of {@link Backend#concatChannels} and {@link Backend#sliceChannels}, shared by every backend so
 * that they all accept and refuse the same shapes with the same messages.
 */
public final class ChannelShapes {
    private ChannelShapes() {
    }

    /**
     * The shape of joining tensors of {@code shapes} along axis 1.
     *
     * @throws IllegalArgumentException naming the shapes when there are none, a rank is below 2, or they differ off
     *                                  axis 1
     */
    public static Shape concat(List<Shape> shapes) {
        if (shapes == null || shapes.isEmpty()) {
            throw new IllegalArgumentException("concatChannels needs at least one tensor");
        }
        Shape first = shapes.get(0);
        if (first.rank() < 2) {
            throw new IllegalArgumentException("concatChannels needs tensors of rank 2 or more, got " + first);
        }
        int[] dims = first.dims();
        long channels = 0;
        for (Shape s : shapes) {
            if (s.rank() != first.rank()) {
                throw new IllegalArgumentException("concatChannels needs tensors of the same rank, got " + first
                        + " and " + s);
            }
            for (int axis = 0; axis < s.rank(); axis++) {
                if (axis != 1 && s.dim(axis) != first.dim(axis)) {
                    throw new IllegalArgumentException("concatChannels needs tensors that differ only in axis 1, got "
                            + first + " and " + s);
                }
            }
            channels += s.dim(1);
        }
        if (channels > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("concatChannels would make " + channels + " channels");
        }
        dims[1] = (int) channels;
        return Shape.of(dims);
    }

    /**
     * The shape of channels {@code from} to {@code from + count - 1} of a tensor of shape {@code x}.
     *
     * @throws IllegalArgumentException naming the shape and the range when the range is empty or outside axis 1
     */
    public static Shape slice(Shape x, int from, int count) {
        if (x.rank() < 2) {
            throw new IllegalArgumentException("sliceChannels needs a tensor of rank 2 or more, got " + x);
        }
        if (from < 0 || count < 1 || (long) from + count > x.dim(1)) {
            throw new IllegalArgumentException("sliceChannels cannot take channels " + from + " to "
                    + ((long) from + count - 1) + " of a tensor of shape " + x + "; it has channels 0 to "
                    + (x.dim(1) - 1));
        }
        int[] dims = x.dims();
        dims[1] = count;
        return Shape.of(dims);
    }
}
