package dev.cnn.api.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.PadGeometry;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layer.ShapeMismatchException;
import dev.cnn.api.tensor.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Build-time shapes of dilation, "same" padding, ceil-mode pooling and padding, and files that predate them. */
class NewLayerOptionsTest {

    @ParameterizedTest(name = "{0}x{1} kernel {2} stride {3} dilation {4}")
    @CsvSource({"7, 6, 3, 1, 1", "7, 6, 3, 2, 1", "8, 8, 2, 2, 1", "9, 5, 4, 3, 1", "10, 11, 3, 1, 2", "5, 5, 1, 2, 1",
            "6, 7, 5, 3, 2"})
    void samePaddingGivesTheCeilOfSizeOverStrideForAnyKernel(int h, int w, int k, int s, int d) {
        Conv2D same = Conv2D.of(4, k).withStride(s).withDilation(d).withSamePadding();
        Shape input = Shape.of(2, h, w);
        assertEquals(Shape.of(4, (h + s - 1) / s, (w + s - 1) / s), same.outputShape(input));
        PadGeometry pads = same.samePads(input);
        assertTrue(pads.bottom() - pads.top() == 0 || pads.bottom() - pads.top() == 1, pads.toString());
        PadGeometry extra = same.extraPadding(input);
        assertEquals(pads.bottom() != pads.top() || pads.right() != pads.left(), extra != null);
    }

    @Test
    void evenSamePaddingNeedsNoPadLayer() {
        Conv2D same = Conv2D.of(4, 3).withSamePadding();
        assertNull(same.extraPadding(Shape.of(1, 5, 5)));
        assertEquals(1, same.geometry(Shape.of(1, 5, 5)).padH());
        Conv2D even = Conv2D.of(4, 2).withSamePadding();
        assertEquals(new PadGeometry(0, 1, 0, 1), even.extraPadding(Shape.of(1, 5, 5)));
    }

    @Test
    void samePaddingAndExplicitPaddingTogetherAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2D(2, 3, 3, 1, 1, 1, 1, 1, 1, true, true, null));
        assertTrue(e.getMessage().contains("give one or the other"), e.getMessage());
    }

    @Test
    void dilationWidensTheKernelsSpan() {
        assertEquals(Shape.of(3, 6, 2), Conv2D.of(3, 3).withDilation(2).outputShape(Shape.of(1, 10, 6)));
        assertEquals(Shape.of(4, 4, 4), GroupedConv2D.of(4, 2, 3).withDilation(3).outputShape(Shape.of(2, 10, 10)));
        var e = assertThrows(ShapeMismatchException.class,
                () -> Conv2D.of(3, 3).withDilation(4).outputShape(Shape.of(1, 8, 8)));
        assertTrue(e.getMessage().contains("dilated 4x4"), e.getMessage());
    }

    @Test
    void ceilModeRoundsThePooledSizeUp() {
        assertEquals(Shape.of(2, 4, 3), MaxPool2D.of(2).withCeilMode(true).outputShape(Shape.of(2, 7, 5)));
        assertEquals(Shape.of(2, 3, 2), MaxPool2D.of(2).outputShape(Shape.of(2, 7, 5)));
        assertEquals(Shape.of(1, 4, 4), new AvgPool2D(3, 3, 2, 2, 1, 1).withCeilMode(true).outputShape(Shape.of(1, 6, 6)));
    }

    @Test
    void padAddsRowsAndColumnsAndRefusesNonFiniteValues() {
        assertEquals(Shape.of(3, 6, 9), new Pad2D(1, 2, 3, 4, 0f).outputShape(Shape.of(3, 3, 2)));
        var e = assertThrows(IllegalArgumentException.class, () -> new Pad2D(1, 1, 1, 1, Float.NEGATIVE_INFINITY));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pad2D.zeros(-1));
        assertThrows(ShapeMismatchException.class, () -> Pad2D.zeros(1).outputShape(Shape.of(5)));
    }

    /** A model file written before these options existed reads as the same layer: dilation 1, rounding down. */
    @Test
    void filesWithoutTheNewFieldsReadAsBefore() throws Exception {
        var mapper = LayerTypes.mapper();
        LayerConfig conv = mapper.readValue("{\"type\":\"conv2d\",\"filters\":4,\"kernelHeight\":3,\"kernelWidth\":3,"
                + "\"strideHeight\":1,\"strideWidth\":1,\"paddingHeight\":1,\"paddingWidth\":1,\"useBias\":true,"
                + "\"initializer\":\"xavier\"}", LayerConfig.class);
        assertEquals(Conv2D.of(4, 3).withPadding(1), conv);
        LayerConfig pool = mapper.readValue("{\"type\":\"avg_pool2d\",\"poolHeight\":2,\"poolWidth\":2,"
                + "\"strideHeight\":2,\"strideWidth\":2,\"paddingHeight\":0,\"paddingWidth\":0}", LayerConfig.class);
        assertEquals(AvgPool2D.of(2), pool);
        LayerConfig grouped = mapper.readValue("{\"type\":\"grouped_conv2d\",\"filters\":4,\"groups\":2,"
                + "\"kernelHeight\":3,\"kernelWidth\":3,\"strideHeight\":1,\"strideWidth\":1,\"paddingHeight\":0,"
                + "\"paddingWidth\":0,\"useBias\":true,\"initializer\":\"xavier\"}", LayerConfig.class);
        assertEquals(GroupedConv2D.of(4, 2, 3), grouped);
        assertFalse(mapper.writeValueAsString(Pad2D.zeros(1)).contains("dev.cnn"));
    }
}
