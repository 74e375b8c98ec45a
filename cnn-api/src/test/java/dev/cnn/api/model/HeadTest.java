package dev.cnn.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cnn.api.loss.Loss;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadTest {
    @Test
    void aClassOrTagNamedTwiceIsRefusedNamingIt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Head.of("class", Loss.SOFTMAX_CROSS_ENTROPY, List.of("cat", "dog", "cat")));
        assertEquals("head 'class' names the class 'cat' twice (as labels 0 and 2), so the two could not be told apart;"
                + " give each class its own name", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Head.of("tags", Loss.SIGMOID_BINARY_CROSS_ENTROPY, List.of("red", "red")));
        assertEquals("head 'tags' names the tag 'red' twice (as labels 0 and 1), so the two could not be told apart;"
                + " give each tag its own name", e.getMessage());
        assertEquals(List.of("cat", "Cat"), Head.of("class", Loss.SOFTMAX_CROSS_ENTROPY, List.of("cat", "Cat")).labels());
    }
}
