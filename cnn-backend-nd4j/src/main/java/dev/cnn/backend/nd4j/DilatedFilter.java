package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.ConvGeometry;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dilated convolution as an undilated one, for libnd4j: its oneDNN kernels refuse many dilated geometries
 * (measured: "could not create a descriptor for a dilated convolution forward propagation primitive"), so the filter
 * {@code [O, C, kH, kW]} is spread into {@code [O, C, spanH, spanW]} with zeros between the taps, and the filter
 * gradient is read back at the taps. It costs {@code spanH spanW / (kH kW)} times the multiplications but is exact.
 */
final class DilatedFilter {
    private DilatedFilter() {
    }

    /** The same stride and padding without dilation: the dilation is in the spread filter's zeros. */
    static ConvGeometry undilated(ConvGeometry g) {
        return new ConvGeometry(g.strideH(), g.strideW(), g.padH(), g.padW());
    }

    /** {@code filter} spread to its dilated span, zeros between the taps. */
    static INDArray spread(INDArray filter, ConvGeometry g) {
        long[] shape = filter.shape();
        long[] spreadShape = {shape[0], shape[1], span(shape[2], g.dilationH()), span(shape[3], g.dilationW())};
        float[] taps = filter.dup('c').data().asFloat();
        float[] spread = new float[Math.toIntExact(spreadShape[0] * spreadShape[1] * spreadShape[2] * spreadShape[3])];
        forEachTap(shape, g, (tap, at) -> spread[at] = taps[tap]);
        return Nd4j.create(spread, spreadShape, 'c');
    }

    /** The taps of a spread filter's gradient, written into {@code out}, which has the undilated filter's shape. */
    static INDArray gatherInto(INDArray spreadGradient, ConvGeometry g, INDArray out) {
        float[] spread = spreadGradient.dup('c').data().asFloat();
        float[] taps = new float[Math.toIntExact(out.length())];
        forEachTap(out.shape(), g, (tap, at) -> taps[tap] = spread[at]);
        return out.assign(Nd4j.create(taps, out.shape(), 'c'));
    }

    private interface TapMap {
        void map(int tap, int spreadIndex);
    }

    private static void forEachTap(long[] filter, ConvGeometry g, TapMap map) {
        int planes = Math.toIntExact(filter[0] * filter[1]);
        int kh = (int) filter[2];
        int kw = (int) filter[3];
        int sh = (int) span(kh, g.dilationH());
        int sw = (int) span(kw, g.dilationW());
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    map.map((p * kh + i) * kw + j, (p * sh + i * g.dilationH()) * sw + j * g.dilationW());
                }
            }
        }
    }

    private static long span(long taps, int dilation) {
        return (taps - 1) * dilation + 1;
    }
}
