package dev.cnn.backend.cpu;

/** Joining and splitting {@code [N, C, ...]} arrays along axis 1: block copies, one per image and part. */
final class ChannelKernels {
    private ChannelKernels() {
    }

    /**
     * Joins parts of {@code channels[p] * inner} values per image into {@code n} images of
     * {@code sum(channels) * inner} values each.
     */
    static float[] concat(float[][] parts, int[] channels, int n, int inner) {
        int total = 0;
        for (int c : channels) {
            total += c;
        }
        float[] out = new float[n * total * inner];
        for (int image = 0; image < n; image++) {
            int offset = image * total * inner;
            for (int p = 0; p < parts.length; p++) {
                int block = channels[p] * inner;
                System.arraycopy(parts[p], image * block, out, offset, block);
                offset += block;
            }
        }
        return out;
    }

    /** Channels {@code from .. from + count - 1} of {@code n} images of {@code channels * inner} values each. */
    static float[] slice(float[] x, int n, int channels, int inner, int from, int count) {
        float[] out = new float[n * count * inner];
        for (int image = 0; image < n; image++) {
            System.arraycopy(x, (image * channels + from) * inner, out, image * count * inner, count * inner);
        }
        return out;
    }
}
