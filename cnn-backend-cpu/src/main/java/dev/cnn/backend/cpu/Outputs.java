package dev.cnn.backend.cpu;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;

/**
 * Where a kernel writes its result: into the array of the {@code out} tensor a caller of an {@code ...Into} method
 * gave, when that is a tensor of this backend with the result's shape sharing no storage with the kernel's inputs,
 * and into a new array otherwise. Kernels overwrite every element of the array they get, except those that add into
 * it, which ask for {@link #zeroed} instead.
 */
final class Outputs {
    private Outputs() {
    }

    /** The array to write a result of {@code shape} into, given the inputs' arrays (none may be the result). */
    static float[] array(Tensor out, Shape shape, float[] input) {
        return reusable(out, shape, input, null, null) ? ((CpuTensor) out).data() : new float[shape.size()];
    }

    /** As {@link #array(Tensor, Shape, float[])}, for kernels of two inputs. */
    static float[] array(Tensor out, Shape shape, float[] first, float[] second) {
        return reusable(out, shape, first, second, null) ? ((CpuTensor) out).data() : new float[shape.size()];
    }

    /** As {@link #array(Tensor, Shape, float[])}, for kernels of three inputs (the third may be null). */
    static float[] array(Tensor out, Shape shape, float[] first, float[] second, float[] third) {
        return reusable(out, shape, first, second, third) ? ((CpuTensor) out).data() : new float[shape.size()];
    }

    /** As {@link #array(Tensor, Shape, float[], float[])}, all zeros, for kernels that add into their result. */
    static float[] zeroed(Tensor out, Shape shape, float[] first, float[] second) {
        if (reusable(out, shape, first, second, null)) {
            float[] data = ((CpuTensor) out).data();
            Arrays.fill(data, 0f);
            return data;
        }
        return new float[shape.size()];
    }

    /** {@code out} when the result was written into its array, else a new tensor around {@code data}. */
    static Tensor result(Tensor out, float[] data, Shape shape, CpuBackend backend) {
        if (out instanceof CpuTensor c && c.data() == data) {
            return out;
        }
        return new CpuTensor(data, shape, backend);
    }

    private static boolean reusable(Tensor out, Shape shape, float[] first, float[] second, float[] third) {
        if (!(out instanceof CpuTensor c) || !c.shape().equals(shape)) {
            return false;
        }
        float[] data = c.data();
        return data != first && data != second && data != third;
    }
}
