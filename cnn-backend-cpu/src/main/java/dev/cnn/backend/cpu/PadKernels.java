package dev.cnn.backend.cpu;

import dev.cnn.api.backend.PadGeometry;
import java.util.Arrays;

/**
 * Constant padding of {@code [N, C, H, W]} and its gradient (the interior cropped out), one (image, channel) plane per
 * task step, spread over the pool; each task writes only its own planes.
 */
final class PadKernels {
    private static final int MIN_PLANES_PER_TASK = 8;

    private PadKernels() {
    }

    /** {@code out} (every element written) holds each {@code h x w} plane of {@code in} inside a border of {@code value}. */
    static float[] pad(float[] in, int planes, int h, int w, PadGeometry pads, float value, float[] out) {
        int ph = h + pads.top() + pads.bottom();
        int pw = w + pads.left() + pads.right();
        Parallel.forRange(planes, MIN_PLANES_PER_TASK, (from, to) -> {
            for (int p = from; p < to; p++) {
                int base = p * ph * pw;
                Arrays.fill(out, base, base + pads.top() * pw + pads.left(), value);
                for (int r = 0; r < h; r++) {
                    int row = base + (pads.top() + r) * pw;
                    System.arraycopy(in, (p * h + r) * w, out, row + pads.left(), w);
                    int gapEnd = r + 1 < h ? row + pw + pads.left() : base + ph * pw;
                    Arrays.fill(out, row + pads.left() + w, gapEnd, value);
                }
            }
        });
        return out;
    }

    /** The interior {@code h x w} of each padded plane of {@code padded}, written over {@code out}. */
    static float[] crop(float[] padded, int planes, int h, int w, PadGeometry pads, float[] out) {
        int ph = h + pads.top() + pads.bottom();
        int pw = w + pads.left() + pads.right();
        Parallel.forRange(planes, MIN_PLANES_PER_TASK, (from, to) -> {
            for (int p = from; p < to; p++) {
                int src = p * ph * pw + pads.top() * pw + pads.left();
                for (int r = 0; r < h; r++, src += pw) {
                    System.arraycopy(padded, src, out, (p * h + r) * w, w);
                }
            }
        });
        return out;
    }
}
