package dev.cnn.api.backend;

/** Size arithmetic of sliding windows in {@code long}, so that no absurd size can wrap around to a plausible one. */
final class SizeArithmetic {
    private SizeArithmetic() {
    }

    /**
     * How many positions a window of {@code kernel} takes with {@code stride} over {@code size} cells padded by
     * {@code pad} on each side: {@code (size + 2 pad - kernel) / stride + 1}, at most 0 when the window does not fit.
     *
     * @throws IllegalArgumentException when the result does not fit an {@code int}
     */
    static int slidingOutput(int size, int pad, int kernel, int stride) {
        long span = (long) size + 2L * pad - kernel;
        if (span < 0) {
            return 0;
        }
        long out = span / stride + 1;
        if (out > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a window of " + kernel + " over " + size + " cells padded by " + pad
                    + " has " + out + " positions, more than an int holds");
        }
        return (int) out;
    }

    /**
     * {@link #slidingOutput} rounding up, as ONNX's and PyTorch's {@code ceil_mode}: {@code ceil((size + 2 pad -
     * kernel) / stride) + 1}, less one when the last window would start past the input and its leading padding (so
     * every window holds at least one input cell).
     *
     * @throws IllegalArgumentException when the result does not fit an {@code int}
     */
    static int slidingOutputCeil(int size, int pad, int kernel, int stride) {
        long span = (long) size + 2L * pad - kernel;
        if (span < 0) {
            return 0;
        }
        long out = (span + stride - 1) / stride + 1;
        if ((out - 1) * stride >= (long) size + pad) {
            out--;
        }
        if (out > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a window of " + kernel + " over " + size + " cells padded by " + pad
                    + " has " + out + " positions, more than an int holds");
        }
        return (int) out;
    }

    /**
     * The cells a kernel of {@code taps} spans with {@code dilation}: {@code (taps - 1) dilation + 1}.
     *
     * @throws IllegalArgumentException when the span does not fit an {@code int}
     */
    static int dilatedSpan(int taps, int dilation) {
        long span = (long) (taps - 1) * dilation + 1;
        if (span > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a kernel of " + taps + " taps dilated " + dilation + " spans " + span
                    + " cells, more than an int holds");
        }
        return (int) span;
    }
}
