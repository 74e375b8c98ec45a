package dev.cnn.backend.cpu;

/**
 * Convolution forward and backward passes as im2col plus matrix multiply, with the minibatch cut into
 * chunks that run in parallel. Within a chunk, images are unfolded side by side in groups wide
 * enough for {@link RowGemm}'s vectorized loop to run long (small output planes otherwise leave it
 * mostly in its scalar head and tail). Each chunk allocates its buffers once and reuses them.
 */
final class Conv2dKernels {
    /** Images are grouped until a group's unfolded rows are at least this many columns wide. */
    private static final int MIN_GROUP_WIDTH = 512;

    private Conv2dKernels() {
    }

    /** {@code out[n] = filter[O, CkHkW] * im2col(input[n])}. */
    static float[] forward(float[] input, float[] filter, ConvDims d) {
        float[] out = new float[d.batch() * d.outImageSize()];
        int plane = d.outPlane();
        int group = imagesPerGroup(d);
        int chunks = chunksFor(d.batch());
        Parallel.forEachTask(chunks, t -> {
            float[][] col = new float[d.patchSize()][group * plane];
            float[][] product = new float[d.outputs()][group * plane];
            int end = Parallel.chunkStart(d.batch(), chunks, t + 1);
            for (int n0 = Parallel.chunkStart(d.batch(), chunks, t); n0 < end; n0 += group) {
                int images = Math.min(group, end - n0);
                for (int g = 0; g < images; g++) {
                    Im2Col.im2col(input, (n0 + g) * d.imageSize(), d, col, g * plane);
                }
                RowGemm.multiply(d.outputs(), images * plane, d.patchSize(), filter, 0, d.patchSize(), 1, col, product, false);
                for (int o = 0; o < d.outputs(); o++) {
                    for (int g = 0; g < images; g++) {
                        System.arraycopy(product[o], g * plane, out, (n0 + g) * d.outImageSize() + o * plane, plane);
                    }
                }
            }
        });
        return out;
    }

    /** {@code dInput[n] = col2im(filter^T * dOut[n])}. */
    static float[] backwardData(float[] outputGradient, float[] filter, ConvDims d) {
        float[] dInput = new float[d.batch() * d.imageSize()];
        int plane = d.outPlane();
        int group = imagesPerGroup(d);
        int chunks = chunksFor(d.batch());
        Parallel.forEachTask(chunks, t -> {
            float[][] dOutRows = new float[d.outputs()][group * plane];
            float[][] dCol = new float[d.patchSize()][group * plane];
            int end = Parallel.chunkStart(d.batch(), chunks, t + 1);
            for (int n0 = Parallel.chunkStart(d.batch(), chunks, t); n0 < end; n0 += group) {
                int images = Math.min(group, end - n0);
                int width = images * plane;
                for (int o = 0; o < d.outputs(); o++) {
                    for (int g = 0; g < images; g++) {
                        System.arraycopy(outputGradient, (n0 + g) * d.outImageSize() + o * plane, dOutRows[o], g * plane, plane);
                    }
                }
                RowGemm.multiply(d.patchSize(), width, d.outputs(), filter, 0, 1, d.patchSize(), dOutRows, dCol, false);
                for (int g = 0; g < images; g++) {
                    Im2Col.col2im(dCol, g * plane, d, dInput, (n0 + g) * d.imageSize());
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
        float[][][] partials = new float[chunks][d.outputs()][d.patchSize()];
        Parallel.forEachTask(chunks, t -> {
            float[][] rows = new float[d.outPlane()][d.patchSize()];
            for (int n = Parallel.chunkStart(d.batch(), chunks, t); n < Parallel.chunkStart(d.batch(), chunks, t + 1); n++) {
                Im2Col.im2row(input, n * d.imageSize(), d, rows);
                RowGemm.multiply(d.outputs(), d.patchSize(), d.outPlane(), outputGradient, n * d.outImageSize(),
                        d.outPlane(), 1, rows, partials[t], true);
            }
        });
        float[] dFilter = new float[filterSize];
        for (float[][] partial : partials) {
            for (int o = 0; o < d.outputs(); o++) {
                float[] row = partial[o];
                int base = o * d.patchSize();
                for (int p = 0; p < d.patchSize(); p++) {
                    dFilter[base + p] += row[p];
                }
            }
        }
        return dFilter;
    }

    private static int imagesPerGroup(ConvDims d) {
        return Math.max(1, Math.min(d.batch(), (MIN_GROUP_WIDTH + d.outPlane() - 1) / d.outPlane()));
    }

    private static int chunksFor(int batch) {
        return Math.min(batch, Parallel.parallelism() * 4);
    }
}
