package dev.cnn.api.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-label metrics against values worked out by hand, including the degenerate taggers that must not score well. */
class TagEvaluationTest {
    private static final List<String> TAGS = List.of("yellow", "curved", "round");
    /** Four images; columns yellow, curved, round. */
    private static final float[] TRUTH = {
        1, 1, 0,
        1, 0, 0,
        0, 1, 1,
        0, 0, 0};
    private static final float[] PROBABILITIES = {
        0.9f, 0.8f, 0.1f,
        0.4f, 0.7f, 0.2f,
        0.6f, 0.3f, 0.9f,
        0.2f, 0.1f, 0.3f};
    private static final float[] HALF = {0.5f, 0.5f, 0.5f};

    @Test
    void perTagCountsAtTheThreshold() {
        TagEvaluation e = new TagEvaluation(TAGS, PROBABILITIES, TRUTH, HALF);
        // yellow: predicted for images 0 and 2, true for 0 and 1: TP 1, FP 1, FN 1
        assertEquals(0.5, e.precision(0), 1e-12);
        assertEquals(0.5, e.recall(0), 1e-12);
        assertEquals(0.5, e.f1(0), 1e-12);
        // curved: predicted for 0 and 1, true for 0 and 2: TP 1, FP 1, FN 1
        assertEquals(0.5, e.f1(1), 1e-12);
        // round: predicted for 2, true for 2: perfect
        assertEquals(1.0, e.precision(2), 1e-12);
        assertEquals(1.0, e.recall(2), 1e-12);
        assertEquals(1.0, e.f1(2), 1e-12);
        assertEquals((0.5 + 0.5 + 1) / 3, e.macroF1(), 1e-12);
        // pooled: TP 3, FP 2, FN 2
        assertEquals(3.0 / 5, e.microPrecision(), 1e-12);
        assertEquals(3.0 / 5, e.microRecall(), 1e-12);
        assertEquals(6.0 / 10, e.microF1(), 1e-12);
        // images 0 and 3 get exactly their tags; images 1 and 2 get two wrong decisions each
        assertEquals(0.5, e.exactMatchRate(), 1e-12);
        assertEquals(4.0 / 12, e.hammingLoss(), 1e-12);
    }

    @Test
    void averagePrecisionWalksTheRanking() {
        TagEvaluation e = new TagEvaluation(TAGS, PROBABILITIES, TRUTH, HALF);
        // yellow ranked 0.9 (pos), 0.6 (neg), 0.4 (pos), 0.2 (neg): 1/2 * 1 + 1/2 * 2/3
        assertEquals(0.5 + 1.0 / 3, e.averagePrecision(0), 1e-12);
        // curved ranked 0.8 (pos), 0.7 (neg), 0.3 (pos), 0.1: 1/2 * 1 + 1/2 * 2/3
        assertEquals(0.5 + 1.0 / 3, e.averagePrecision(1), 1e-12);
        assertEquals(1.0, e.averagePrecision(2), 1e-12);
        assertEquals((2 * (0.5 + 1.0 / 3) + 1) / 3, e.meanAveragePrecision(), 1e-12);
    }

    @Test
    void aTaggerThatPredictsNothingScoresZeroNotNaNOrOne() {
        float[] nothing = new float[12];
        TagEvaluation e = new TagEvaluation(TAGS, nothing, TRUTH, HALF);
        for (int t = 0; t < 3; t++) {
            assertTrue(Double.isNaN(e.precision(t)), "no tag was predicted");
            assertEquals(0.0, e.recall(t));
            assertEquals(0.0, e.f1(t));
        }
        assertEquals(0.0, e.macroF1());
        assertEquals(0.0, e.microF1());
        assertTrue(Double.isNaN(e.macroPrecision()));
        assertEquals(0.25, e.exactMatchRate(), 1e-12, "only the untagged image is right");
        assertEquals(5.0 / 12, e.hammingLoss(), 1e-12, "the five true tags are missed");
    }

    @Test
    void aConstantScoreHasTheAveragePrecisionOfChance() {
        float[] constant = new float[12];
        java.util.Arrays.fill(constant, 0.7f);
        TagEvaluation e = new TagEvaluation(TAGS, constant, TRUTH, HALF);
        assertEquals(0.5, e.averagePrecision(0), 1e-12, "2 of 4 images are yellow");
        assertEquals(0.25, e.averagePrecision(2), 1e-12, "1 of 4 is round");
        assertEquals(0.5, e.precision(0), 1e-12, "everything predicted: precision is the prevalence");
        assertEquals(0.0, e.exactMatchRate(), "no image has all three tags");
    }

    @Test
    void aTagThatNeverOccursAndIsNeverPredictedIsUndefinedAndLeftOutOfTheMacroMeans() {
        float[] truth = {1, 0, 0, 0};
        float[] probabilities = {0.9f, 0.1f, 0.2f, 0.3f};
        TagEvaluation e = new TagEvaluation(List.of("a", "b"), probabilities, truth, new float[] {0.5f, 0.5f});
        assertTrue(Double.isNaN(e.f1(1)));
        assertTrue(Double.isNaN(e.averagePrecision(1)));
        assertEquals(1.0, e.macroF1(), 1e-12);
        assertEquals(1.0, e.meanAveragePrecision(), 1e-12);
    }

    @Test
    void nanProbabilitiesAreRefused() {
        float[] broken = PROBABILITIES.clone();
        broken[4] = Float.NaN;
        NonFiniteOutputException e = assertThrows(NonFiniteOutputException.class,
                () -> new TagEvaluation(TAGS, broken, TRUTH, HALF));
        assertEquals(1, e.images());
        assertThrows(NonFiniteOutputException.class, () -> TagThresholds.bestF1(broken, TRUTH, 3));
    }

    @Test
    void thresholdsMaximiseEachTagsF1() {
        float[] thresholds = TagThresholds.bestF1(PROBABILITIES, TRUTH, 3);
        // yellow: at 0.9 F1 = 2/3, at 0.6 F1 = 2/4, at 0.4 F1 = 4/5, at 0.2 F1 = 4/6: best 0.4
        // curved: at 0.8 F1 = 2/3, 0.7: 2/4, 0.3: 4/5, 0.1: 4/6: best 0.3
        // round: 0.9 gives F1 1
        assertArrayEquals(new float[] {0.4f, 0.3f, 0.9f}, thresholds);
        TagEvaluation tuned = new TagEvaluation(TAGS, PROBABILITIES, TRUTH, thresholds);
        assertEquals(0.8, tuned.f1(0), 1e-12);
        assertArrayEquals(new float[] {TagThresholds.DEFAULT}, TagThresholds.bestF1(new float[] {0.9f}, new float[] {0}, 1),
                "no evidence: the default");
    }
}
