package dev.cnn.api.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private final Evaluation evaluation = new Evaluation(0.5, List.of("a", "b", "c"),
            new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0}, new int[] {0, 1, 0, 0, 0, 2});

    @Test
    void accuracyAndTopK() {
        assertEquals(4.0 / 6, evaluation.accuracy(), 1e-12);
        assertEquals(5.0 / 6, evaluation.topKAccuracy(2), 1e-12);
        assertEquals(1.0, evaluation.topKAccuracy(3), 1e-12);
    }

    @Test
    void confusionMatrixCountsActualByPredicted() {
        assertArrayEquals(new long[] {1, 1, 0}, evaluation.confusionMatrix()[0]);
        assertArrayEquals(new long[] {0, 2, 0}, evaluation.confusionMatrix()[1]);
        assertArrayEquals(new long[] {1, 0, 1}, evaluation.confusionMatrix()[2]);
    }

    @Test
    void precisionRecallF1PerClass() {
        assertEquals(0.5, evaluation.precision(0), 1e-12);
        assertEquals(2.0 / 3, evaluation.precision(1), 1e-12);
        assertEquals(1.0, evaluation.recall(1), 1e-12);
        assertEquals(0.8, evaluation.f1(1), 1e-12);
        assertEquals(0.5, evaluation.recall(2), 1e-12);
    }

    @Test
    void anImageWithoutAWinnerIsWrongAndInNoColumn() {
        Evaluation tied = new Evaluation(0.7, List.of("a", "b"), new int[] {0, 0, 1, 1},
                new int[] {ScoreRows.NO_WINNER, 0, ScoreRows.NO_WINNER, ScoreRows.NO_WINNER}, new int[] {1, 0, 1, 1});
        assertEquals(0.25, tied.accuracy(), 1e-12);
        assertEquals(3, tied.undecided());
        assertArrayEquals(new long[] {1, 0}, tied.confusionMatrix()[0]);
        assertArrayEquals(new long[] {0, 0}, tied.confusionMatrix()[1]);
        assertEquals(0.5, tied.recall(0), 1e-12, "one of the two a's was predicted as a");
        assertEquals(0.0, tied.recall(1), 1e-12);
        assertEquals(1.0, tied.precision(0), 1e-12);
        assertTrue(Double.isNaN(tied.precision(1)), "nothing was predicted as b");
    }
}
