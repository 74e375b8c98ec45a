package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.check.GradientCheck;
import dev.cnn.api.check.GradientCheckResult;
import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.loss.LossValue;
import dev.cnn.api.loss.SoftmaxCrossEntropy;
import dev.cnn.api.model.Head;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Label smoothing of softmax cross-entropy: its value, its gradient (by finite differences) and its JSON. */
class LabelSmoothingTest {
    private final Backend cpu = Backends.select("cpu");

    @Test
    void theGradientOfTheSmoothedLossMatchesFiniteDifferences() {
        GradientCheckResult result = GradientCheck.forFloat32().checkLoss(new SoftmaxCrossEntropy(0.1), Shape.of(4, 5),
                cpu, 7);
        assertTrue(result.passed(), result::toString);
    }

    @Test
    void theLossTrainsAgainstTheSmoothedTargetNotTheOneHotRow() {
        float[] logits = {2, 0, -1, 0.5f, 1, 3};
        Tensor z = cpu.tensor(logits, Shape.of(2, 3));
        Tensor y = cpu.tensor(new float[] {1, 0, 0, 0, 0, 1}, Shape.of(2, 3));
        double eps = 0.3;
        LossValue smoothed = new SoftmaxCrossEntropy(eps).evaluate(z, y);
        double expected = 0;
        float[] gradient = smoothed.gradient().toArray();
        for (int row = 0; row < 2; row++) {
            double max = Math.max(logits[row * 3], Math.max(logits[row * 3 + 1], logits[row * 3 + 2]));
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                sum += Math.exp(logits[row * 3 + c] - max);
            }
            for (int c = 0; c < 3; c++) {
                double p = Math.exp(logits[row * 3 + c] - max) / sum;
                double q = (1 - eps) * (row == 0 ? (c == 0 ? 1 : 0) : (c == 2 ? 1 : 0)) + eps / 3;
                expected -= q * Math.log(p) / 2;
                assertEquals((p - q) / 2, gradient[row * 3 + c], 1e-6, "gradient of row " + row + ", class " + c);
            }
        }
        assertEquals(expected, smoothed.value(), 1e-5);
        LossValue plain = Loss.SOFTMAX_CROSS_ENTROPY.evaluate(z, y);
        assertTrue(Math.abs(plain.value() - smoothed.value()) > 0.05, "smoothing must change the loss");
    }

    @Test
    void noSmoothingIsThePlainLossAndItsJsonIsUnchanged() throws Exception {
        ObjectMapper mapper = LayerTypes.mapper();
        String plain = mapper.writeValueAsString(Head.of("out", Loss.SOFTMAX_CROSS_ENTROPY, List.of("a", "b")));
        assertFalse(plain.contains("labelSmoothing"), plain);
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, new SoftmaxCrossEntropy(0));
        String smoothed = mapper.writeValueAsString(Head.of("out", new SoftmaxCrossEntropy(0.1), List.of("a", "b")));
        assertTrue(smoothed.contains("\"labelSmoothing\":0.1"), smoothed);
        assertEquals(new SoftmaxCrossEntropy(0.1), mapper.readValue(smoothed, Head.class).loss());
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, mapper.readValue(plain, Head.class).loss());
    }

    @Test
    void aSmoothingOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy(1));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy(Double.NaN));
    }
}
