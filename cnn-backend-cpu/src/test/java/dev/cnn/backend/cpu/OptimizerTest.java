package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Each update checked against values worked out by hand from the formulas in the SPI. */
class OptimizerTest {
    private static final float TOL = 1e-6f;

    private static Tensor scalar(float v) {
        return BACKEND.tensor(new float[] {v}, Shape.of(1));
    }

    private static float value(Tensor t) {
        return t.toArray()[0];
    }

    @Test
    void plainSgd() {
        Tensor p = scalar(1f);
        Tensor v = scalar(0f);
        BACKEND.sgdUpdateInPlace(p, scalar(0.5f), v, 0.1f, 0f, false, 0f);
        assertEquals(0.95f, value(p), TOL);
    }

    @Test
    void sgdWithMomentumAndWeightDecay() {
        // g = 0.5 + 0.01 * 1 = 0.51; v = 0.9 * 0.2 + 0.51 = 0.69; p = 1 - 0.1 * 0.69
        Tensor p = scalar(1f);
        Tensor v = scalar(0.2f);
        BACKEND.sgdUpdateInPlace(p, scalar(0.5f), v, 0.1f, 0.9f, false, 0.01f);
        assertEquals(0.69f, value(v), TOL);
        assertEquals(0.931f, value(p), TOL);
    }

    @Test
    void nesterovSgd() {
        // as above, then p = 1 - 0.1 * (0.51 + 0.9 * 0.69) = 0.8869
        Tensor p = scalar(1f);
        Tensor v = scalar(0.2f);
        BACKEND.sgdUpdateInPlace(p, scalar(0.5f), v, 0.1f, 0.9f, true, 0.01f);
        assertEquals(0.69f, value(v), TOL);
        assertEquals(0.8869f, value(p), TOL);
    }

    @Test
    void adamSecondStep() {
        // m = 0.9*0.1 + 0.1*(-1) = -0.01; v = 0.999*0.01 + 0.001*1 = 0.01099
        // p = 2 - 0.01 * (m / (1 - 0.81)) / (sqrt(v / (1 - 0.998001)) + 1e-8) = 2.00022447
        Tensor p = scalar(2f);
        Tensor m = scalar(0.1f);
        Tensor v = scalar(0.01f);
        BACKEND.adamUpdateInPlace(p, scalar(-1f), m, v, 0.01f, 0.9f, 0.999f, 1e-8f, 2, 0f, 0f);
        assertEquals(-0.01f, value(m), TOL);
        assertEquals(0.01099f, value(v), TOL);
        assertEquals(2.00022447f, value(p), TOL);
    }

    @Test
    void adamWithL2AndDecoupledDecay() {
        // g = -1 + 0.2*2 = -0.6; m = 0.03; v = 0.01035; decoupled term 0.01*0.1*2 uses p before the step
        Tensor p = scalar(2f);
        Tensor m = scalar(0.1f);
        Tensor v = scalar(0.01f);
        BACKEND.adamUpdateInPlace(p, scalar(-1f), m, v, 0.01f, 0.9f, 0.999f, 1e-8f, 2, 0.2f, 0.1f);
        assertEquals(0.03f, value(m), TOL);
        assertEquals(0.01035f, value(v), TOL);
        assertEquals(1.99730609f, value(p), TOL);
    }

    @Test
    void rmsProp() {
        // g = 0.5 + 0.1*1 = 0.6; s = 0.9*0.1 + 0.1*0.36 = 0.126; p = 1 - 0.01*0.6/sqrt(0.126)
        Tensor p = scalar(1f);
        Tensor s = scalar(0.1f);
        BACKEND.rmsPropUpdateInPlace(p, scalar(0.5f), s, 0.01f, 0.9f, 1e-8f, 0.1f);
        assertEquals(0.126f, value(s), TOL);
        assertEquals(0.98309691f, value(p), TOL);
    }

    @Test
    void updatesEveryElementOfLargeTensors() {
        Shape shape = Shape.of(100_000);
        Tensor p = BACKEND.tensor(new float[shape.size()], shape);
        float[] ones = new float[shape.size()];
        java.util.Arrays.fill(ones, 1f);
        BACKEND.sgdUpdateInPlace(p, BACKEND.tensor(ones, shape), BACKEND.zeros(shape), 0.5f, 0f, false, 0f);
        for (float x : p.toArray()) {
            assertEquals(-0.5f, x);
        }
    }

    @Test
    void mismatchedStateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BACKEND.sgdUpdateInPlace(BACKEND.zeros(Shape.of(2)),
                BACKEND.zeros(Shape.of(2)), BACKEND.zeros(Shape.of(3)), 0.1f, 0.9f, false, 0f));
        assertThrows(IllegalArgumentException.class, () -> BACKEND.adamUpdateInPlace(BACKEND.zeros(Shape.of(2)),
                BACKEND.zeros(Shape.of(2)), BACKEND.zeros(Shape.of(2)), BACKEND.zeros(Shape.of(2)),
                0.1f, 0.9f, 0.999f, 1e-8f, 0, 0f, 0f));
    }
}
