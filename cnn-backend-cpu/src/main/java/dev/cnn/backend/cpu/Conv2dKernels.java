package dev.cnn.backend.cpu;

/**
 * Convolution forward and backward passes as im2col plus matrix multiply, one image at a time,
 * with the minibatch cut into chunks that run in parallel. Each chunk allocates its unfolding
 * buffer once and reuses it for all of its images.
 */
final class Conv2dKernels {
    private Conv2dKernels() {
    }

    /** {@code out[n] = filter[O, CkHkW] * im2col(input[n])}. */
    static float[] forward(float[] input, float[] filter, ConvDims d) {
        float[] out = new float[d.batch() * d.outImageSize()];
        int chunks = chunksFor(d.batch());
        Parallel.forEachTask(chunks, t -> {
            float[] col = d.unfoldIsIdentity() ? null : new float[d.patchSize() * d.outPlane()];
            for (int n = Parallel.chunkStart(d.batch(), chunks, t); n < Parallel.chunkStart(d.batch(), chunks, t + 1); n++) {
                float[] b = input;
                int bOff = n * d.imageSize();
                if (col != null) {
                    Im2Col.im2col(input, bOff, d, col);
                    b = col;
                    bOff = 0;
                }
                Gemm.multiply(0, d.outputs(), d.outPlane(), d.patchSize(), filter, 0, d.patchSize(), 1,
                        b, bOff, out, n * d.outImageSize(), false);
            }
        });
        return out;
    }

    /** {@code dInput[n] = col2im(filter^T * dOut[n])}. */
    static float[] backwardData(float[] outputGradient, float[] filter, ConvDims d) {
        float[] dInput = new float[d.batch() * d.imageSize()];
        int chunks = chunksFor(d.batch());
        Parallel.forEachTask(chunks, t -> {
            boolean direct = d.unfoldIsIdentity();
            float[] dCol = direct ? null : new float[d.patchSize() * d.outPlane()];
            for (int n = Parallel.chunkStart(d.batch(), chunks, t); n < Parallel.chunkStart(d.batch(), chunks, t + 1); n++) {
                float[] target = direct ? dInput : dCol;
                int targetOff = direct ? n * d.imageSize() : 0;
                Gemm.multiply(0, d.patchSize(), d.outPlane(), d.outputs(), filter, 0, 1, d.patchSize(),
                        outputGradient, n * d.outImageSize(), target, targetOff, false);
                if (!direct) {
                    Im2Col.col2im(dCol, d, dInput, n * d.imageSize());
                }
            }
        });
        return dInput;
    }

    /**
     * {@code dFilter = sum_n dOut[n] * im2row(input[n])}. The batch is cut into a fixed number of
     * chunks whose partial sums are added in chunk order, so the result does not depend on threads.
     */
    static float[] backwardFilter(float[] input, float[] outputGradient, ConvDims d) {
        int filterSize = d.outputs() * d.patchSize();
        int chunks = Math.min(d.batch(), Parallel.REDUCTION_CHUNKS);
        float[][] partials = new float[chunks][filterSize];
        Parallel.forEachTask(chunks, t -> {
            float[] rows = new float[d.outPlane() * d.patchSize()];
            for (int n = Parallel.chunkStart(d.batch(), chunks, t); n < Parallel.chunkStart(d.batch(), chunks, t + 1); n++) {
                Im2Col.im2row(input, n * d.imageSize(), d, rows);
                Gemm.multiply(0, d.outputs(), d.patchSize(), d.outPlane(), outputGradient, n * d.outImageSize(),
                        d.outPlane(), 1, rows, 0, partials[t], 0, true);
            }
        });
        float[] dFilter = partials[0];
        for (int t = 1; t < chunks; t++) {
            float[] partial = partials[t];
            for (int i = 0; i < filterSize; i++) {
                dFilter[i] += partial[i];
            }
        }
        return dFilter;
    }

    private static int chunksFor(int batch) {
        return Math.min(batch, Parallel.parallelism() * 4);
    }
}
