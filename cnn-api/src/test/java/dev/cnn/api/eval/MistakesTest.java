package dev.cnn.api.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MistakesTest {
    private static final List<String> NAMES = List.of("a", "b", "c");

    @Test
    void listsTheWrongAndTheUndecidedImagesAndTheCommonestConfusionsFirst() {
        int[] labels = {0, 1, 2, 1, 0};
        int[] predictions = {0, 2, ScoreRows.NO_WINNER, 2, 1};
        Evaluation evaluation = new Evaluation(1.0, NAMES, labels, predictions, new int[] {0, 1, 2, 1, 1});
        assertEquals(List.of(1, 2, 3, 4), Mistakes.first(evaluation, labels, 10));
        assertEquals(List.of(1, 2), Mistakes.first(evaluation, labels, 2));
        assertEquals(List.of("b taken for c (2 times)", "a taken for b (1 time)"), Mistakes.mostConfused(evaluation, 5));
    }

    @Test
    void aModelThatIsAlwaysRightHasNoMistakes() {
        int[] labels = {0, 1, 2};
        Evaluation evaluation = new Evaluation(0.0, NAMES, labels, labels, new int[3]);
        assertEquals(List.of(), Mistakes.first(evaluation, labels, 10));
        assertEquals(List.of(), Mistakes.mostConfused(evaluation, 5));
    }
}
