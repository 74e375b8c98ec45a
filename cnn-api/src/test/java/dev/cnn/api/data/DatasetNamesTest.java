package dev.cnn.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cnn.api.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetNamesTest {
    @Test
    void aClassOrTagNamedTwiceIsRefusedNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Dataset(Shape.of(1, 1, 1), new float[2],
                new int[] {0, 1}, List.of("cat", "cat")));
        assertEquals("the class 'cat' is named twice (as class 0 and 1), so the two could not be told apart; give each"
                + " class its own name", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dataset(Shape.of(1, 1, 1), new float[2],
                new int[] {0, 1}, List.of("cat", "dog"), new float[6], List.of("red", "round", "red")));
        assertEquals("the tag 'red' is named twice (as tag 0 and 2), so the two could not be told apart; give each tag"
                + " its own name", e.getMessage());
    }
}
