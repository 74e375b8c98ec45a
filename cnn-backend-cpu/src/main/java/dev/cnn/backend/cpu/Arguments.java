package dev.cnn.backend.cpu;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;

/** Checks on the tensors handed to the backend, with messages that say what to do about them. */
final class Arguments {
    private Arguments() {
    }

    /** The array behind {@code t}, which must be a tensor of this backend. */
    static float[] data(Tensor t) {
        return cpu(t).data();
    }

    static CpuTensor cpu(Tensor t) {
        if (t == null) {
            throw new IllegalArgumentException("tensor must not be null");
        }
        if (t instanceof CpuTensor c) {
            return c;
        }
        String owner = t.backend() == null ? t.getClass().getName() : t.backend().name();
        throw new IllegalArgumentException("tensor of backend " + owner + " given to backend " + CpuBackend.NAME
                + "; move it with Tensor.toArray()");
    }

    /** Requires equal shapes; {@code what} names the operation in the message. */
    static void sameShape(String what, Tensor a, Tensor b) {
        if (!cpu(a).shape().equals(cpu(b).shape())) {
            throw new IllegalArgumentException(what + " needs tensors of the same shape, got " + a.shape()
                    + " and " + b.shape());
        }
    }

    static void rank(String what, Tensor t, int rank) {
        if (cpu(t).shape().rank() != rank) {
            throw new IllegalArgumentException(what + " needs a rank-" + rank + " tensor, got shape " + t.shape());
        }
    }

    /** Requires a per-channel vector {@code [C]} matching axis 1 of {@code x} (rank 2 or more). */
    static void channelVector(String what, Tensor x, Tensor vector) {
        Shape xs = cpu(x).shape();
        if (xs.rank() < 2) {
            throw new IllegalArgumentException(what + " needs x of rank 2 or more, got shape " + xs);
        }
        Shape vs = cpu(vector).shape();
        if (vs.rank() != 1 || vs.dim(0) != xs.dim(1)) {
            throw new IllegalArgumentException(what + " needs a vector [" + xs.dim(1) + "] for x of shape " + xs
                    + ", got shape " + vs);
        }
    }

    /** Checks that {@code bias} is a vector of {@code length} values, one per output channel or unit. */
    static void biasVector(String what, Tensor bias, int length) {
        Shape bs = cpu(bias).shape();
        if (bs.rank() != 1 || bs.dim(0) != length) {
            throw new IllegalArgumentException(what + " needs a bias of shape [" + length + "], got shape " + bs);
        }
    }

    /** Values per channel plane of {@code [N, C, ...]}: the product of the axes after axis 1. */
    static int inner(Shape s) {
        int inner = 1;
        for (int axis = 2; axis < s.rank(); axis++) {
            inner *= s.dim(axis);
        }
        return inner;
    }
}
