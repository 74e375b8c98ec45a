package dev.cnn.api.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScoreRowsTest {
    @Test
    void theUniqueHighestScoreWins() {
        assertEquals(2, ScoreRows.winner(new float[] {0.1f, 0.2f, 0.7f}, 0, 3));
        assertEquals(0, ScoreRows.labelRank(new float[] {0.1f, 0.2f, 0.7f}, 0, 3, 2));
        assertEquals(2, ScoreRows.labelRank(new float[] {0.1f, 0.2f, 0.7f}, 0, 3, 0));
    }

    @Test
    void aTieForTheTopHasNoWinnerAndCountsAgainstTheLabel() {
        float[] constant = {0.25f, 0.25f, 0.25f, 0.25f};
        assertEquals(ScoreRows.NO_WINNER, ScoreRows.winner(constant, 0, 4));
        assertEquals(3, ScoreRows.labelRank(constant, 0, 4, 1), "three others score as high as the label");
        assertEquals(ScoreRows.NO_WINNER, ScoreRows.winner(new float[] {0.4f, 0.4f, 0.2f}, 0, 3));
        assertEquals(1, ScoreRows.labelRank(new float[] {0.4f, 0.4f, 0.2f}, 0, 3, 0), "top-2 holds it, top-1 does not");
    }

    @Test
    void nanScoresNeverWin() {
        float[] nan = {Float.NaN, Float.NaN, Float.NaN};
        assertEquals(ScoreRows.NO_WINNER, ScoreRows.winner(nan, 0, 3));
        assertEquals(2, ScoreRows.labelRank(nan, 0, 3, 0));
        assertEquals(ScoreRows.NO_WINNER, ScoreRows.winner(new float[] {Float.NaN, 0.1f, 0.2f}, 0, 3),
                "a NaN anywhere makes the comparison meaningless; the evaluator refuses such rows anyway");
        assertFalse(ScoreRows.allFinite(new float[] {0, Float.POSITIVE_INFINITY}, 0, 2));
        assertTrue(ScoreRows.allFinite(new float[] {9, 0, 1}, 1, 2));
    }

    @Test
    void rowsAreReadAtTheirOffset() {
        float[] two = {0.9f, 0.1f, 0.3f, 0.7f};
        assertEquals(0, ScoreRows.winner(two, 0, 2));
        assertEquals(1, ScoreRows.winner(two, 2, 2));
    }
}
