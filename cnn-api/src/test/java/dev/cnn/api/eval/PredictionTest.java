package dev.cnn.api.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionTest {
    @Test
    void ranksTheClassesAndDescribesTheMostProbable() {
        Prediction p = new Prediction("x.png", new float[4], new float[] {0.1f, 0.7f, 0.2f}, -1);
        assertEquals(List.of(1, 2), p.top(2));
        assertEquals(1, p.predicted());
        assertFalse(p.labelled());
        assertEquals("70.0% b, 20.0% c", p.describeTop(2, List.of("a", "b", "c")));
        assertEquals("tags: none", p.describeTags(List.of(), new float[0]));
    }

    @Test
    void namesTheTagsAtOrAboveTheirThresholdsMostProbableFirst() {
        Prediction p = new Prediction("x.png", new float[4], new float[] {1f}, 0, new float[] {0.95f, 0.2f, 0.99f});
        float[] thresholds = {0.5f, 0.3f, 0.99f};
        assertEquals(List.of(2, 0), p.presentTags(thresholds));
        assertEquals("tags: smooth 99%, yellow 95%", p.describeTags(List.of("yellow", "curved", "smooth"), thresholds));
    }
}
