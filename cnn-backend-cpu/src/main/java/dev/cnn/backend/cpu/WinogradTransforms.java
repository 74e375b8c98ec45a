package dev.cnn.backend.cpu;

/**
 * The data transforms of Winograd's F(2x2, 3x3) ({@link WinogradConvolution}) over a run of tiles at once, in vectors.
 * Tiles are numbered on a "wide" grid of the image's 2x2 phases: tile {@code t = ty * pw + tx} reads the four phase
 * images at {@code t}, {@code t + 1}, {@code t + pw} and {@code t + pw + 1}.
 */
interface WinogradTransforms {
    /**
     * {@code V = B^T d B} for tiles {@code [t, t + cols)} of every channel: {@code v[xi * xiStride + c * cols + j]}
     * for the sixteen transform positions {@code xi}, read from {@code phases} (phase {@code (a, b)} of channel
     * {@code c} at {@code (2a + b) * phaseStride + c * channelStride}, rows {@code pw} floats long).
     */
    void input(float[] phases, int channels, int channelStride, int phaseStride, int pw, int t, float[] v, int cols,
               int xiStride);

    /**
     * {@code Y = A^T m A} for tiles {@code [t, t + cols)} of the first {@code outputs} rows of
     * {@code m[xi * xiStride + o * cols + j]}: output pixel {@code (2ty + a, 2tx + b)} goes to
     * {@code out[((2a + b) * outputs + o) * plane + t + j]}.
     */
    void output(float[] m, int outputs, int xiStride, int cols, float[] out, int plane, int t);

    /**
     * One output row from its two column phases: {@code out[to + 2j] = even[e + j]}, {@code out[to + 2j + 1] =
     * odd[o + j]} for the row's {@code width} pixels, plus {@code bias}, or added onto {@code out}.
     */
    void interleave(float[] even, int e, float[] odd, int o, float[] out, int to, int width, float bias, boolean add);
}
