package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.HeadEvaluation;
import dev.cnn.api.eval.HeadEvaluator;
import dev.cnn.api.eval.TestTimeAugmentation;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Test-time augmentation: the copies it makes, and the averaged probabilities eval and predict both read. */
class TestTimeAugmentationTest {
    private final Backend cpu = Backends.select("cpu");
    private final Dataset data = Stripes.make(12, 4);

    @Test
    void flipsMirrorAndShiftsMoveByOnePixelRepeatingTheEdge() {
        float[] image = {1, 2, 3, 4, 5, 6};
        Shape shape = Shape.of(1, 1, 2, 3);
        List<float[]> flips = TestTimeAugmentation.FLIPS.variants(image, shape);
        assertEquals(2, flips.size());
        assertArrayEquals(image, flips.get(0));
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, flips.get(1));
        List<float[]> shifts = TestTimeAugmentation.SHIFTS.variants(image, shape);
        assertEquals(5, shifts.size());
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, shifts.get(1), "down one row");
        assertArrayEquals(new float[] {4, 5, 6, 4, 5, 6}, shifts.get(2), "up one row");
        assertArrayEquals(new float[] {1, 1, 2, 4, 4, 5}, shifts.get(3), "right one column");
        assertArrayEquals(new float[] {2, 3, 3, 5, 6, 6}, shifts.get(4), "left one column");
        assertThrows(IllegalArgumentException.class, () -> TestTimeAugmentation.FLIPS.variants(image, Shape.of(1, 6)));
        assertEquals(TestTimeAugmentation.SHIFTS, TestTimeAugmentation.byName(" Shifts"));
        assertThrows(IllegalArgumentException.class, () -> TestTimeAugmentation.byName("rotations"));
    }

    @Test
    void predictAveragesTheProbabilitiesOfTheCopies() {
        Model model = new Model(TrainerTest.smallConvNet(cpu, 3), Loss.SOFTMAX_CROSS_ENTROPY, data.classNames(),
                Normalization.identity());
        int n = 4;
        float[] pixels = data.gatherFeatures(new int[] {0, 1, 2, 3});
        float[][] plain = model.predictProbabilities(pixels, n);
        float[] mirrored = TestTimeAugmentation.FLIPS.variants(pixels, Shape.of(n, 1, 8, 8)).get(1);
        float[][] flipped = model.predictProbabilities(mirrored, n);
        float[][] averaged = model.predictProbabilities(pixels, n, TestTimeAugmentation.FLIPS);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < plain[i].length; c++) {
                assertEquals((plain[i][c] + flipped[i][c]) / 2, averaged[i][c], 1e-6, "image " + i + ", class " + c);
            }
            assertFalse(Arrays.equals(plain[i], averaged[i]), "the flip changes what the untrained net says");
        }
        assertArrayEquals(plain[0], model.predictProbabilities(pixels, n, TestTimeAugmentation.NONE)[0]);
    }

    @Test
    void evalRanksByTheSameAverageAndScoresItsLoss() {
        Model model = new Model(TrainerTest.smallConvNet(cpu, 3), Loss.SOFTMAX_CROSS_ENTROPY, data.classNames(),
                Normalization.identity());
        int n = data.size();
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        float[][] averaged = model.predictProbabilities(data.gatherFeatures(all), n, TestTimeAugmentation.SHIFTS);
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            loss -= Math.log(averaged[i][data.labels()[i]]) / n;
            int best = 0;
            for (int c = 1; c < averaged[i].length; c++) {
                best = averaged[i][c] > averaged[i][best] ? c : best;
            }
            correct += best == data.labels()[i] ? 1 : 0;
        }
        Map<String, HeadEvaluation> scores = HeadEvaluator.evaluate(model.network(), model.heads(), data, 5,
                TestTimeAugmentation.SHIFTS);
        HeadEvaluation head = scores.values().iterator().next();
        assertEquals(loss, head.loss(), 1e-5);
        assertEquals((double) correct / n, head.classes().accuracy(), 1e-12);
    }
}
