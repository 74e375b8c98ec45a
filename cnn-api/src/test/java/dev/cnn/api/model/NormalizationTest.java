package dev.cnn.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two colour images of 2x1 pixels: red is 0.2 and 0.4 in one, 0.6 and 0.8 in the other; green all 0.5; blue 0 and 1. */
    private static Dataset twoColourImages() {
        Shape sample = Shape.of(3, 2, 1);
        float[] pixels = {0.2f, 0.4f, 0.5f, 0.5f, 0f, 1f, 0.6f, 0.8f, 0.5f, 0.5f, 1f, 0f};
        return new Dataset(sample, pixels, new int[] {0, 1}, List.of("a", "b"));
    }

    @Test
    void fitsAMeanAndStdPerChannelOfColourImages() {
        Normalization fitted = Normalization.fit(twoColourImages());
        assertEquals(3, fitted.channels());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, fitted.mean(), 1e-6);
        // red: deviations -0.3, -0.1, 0.1, 0.3 -> variance 0.05; green is constant -> std 1; blue: +-0.5 -> 0.5
        assertArrayEquals(new double[] {Math.sqrt(0.05), 1, 0.5}, fitted.std(), 1e-6);
        assertEquals("(x - [0.5000, 0.5000, 0.5000]) / [0.2236, 1.0000, 0.5000]", fitted.describe());
    }

    @Test
    void appliesEachChannelsOwnMappingAndInvertsIt() {
        Dataset data = twoColourImages();
        Normalization fitted = Normalization.fit(data);
        float[] pixels = data.gatherFeatures(new int[] {0, 1});
        float[] inputs = fitted.apply(pixels, data.sampleShape());
        assertEquals((0.2 - 0.5) / Math.sqrt(0.05), inputs[0], 1e-5);
        assertEquals(0, inputs[2], 1e-6);
        assertEquals(-1, inputs[4], 1e-6);
        assertEquals(1, inputs[10], 1e-6);
        fitted.invertInPlace(inputs, data.sampleShape());
        assertArrayEquals(pixels, inputs, 1e-6f);
    }

    @Test
    void greyImagesGetOneValueThatIsTheMeanAndStdOfAllPixels() {
        Dataset grey = new Dataset(Shape.of(1, 2, 2), new float[] {0, 0, 1, 1, 0, 1, 0, 1}, new int[] {0, 1},
                List.of("a", "b"));
        assertEquals(new Normalization(0.5, 0.5), Normalization.fit(grey));
        assertEquals("(x - 0.5000) / 0.5000", Normalization.fit(grey).describe());
    }

    @Test
    void aPerChannelNormalizationRefusesImagesWithAnotherNumberOfChannels() {
        Normalization colour = Normalization.fit(twoColourImages());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> colour.apply(new float[4], Shape.of(1, 2, 2)));
        assertTrue(e.getMessage().contains("has 3 channels, but the images have shape [1, 2, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Normalization(new double[] {0, 0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Normalization(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Normalization(Double.NaN, 1));
    }

    @Test
    void oneValueIsWrittenAsThePlainNumbersOfOlderModelFilesAndReadBack() throws Exception {
        String json = JSON.writeValueAsString(new Normalization(0.1307, 0.3081));
        assertEquals("{\"mean\":0.1307,\"std\":0.3081}", json);
        assertEquals(new Normalization(0.1307, 0.3081), JSON.readValue(json, Normalization.class));
        Normalization colour = Normalization.fit(twoColourImages());
        assertEquals(colour, JSON.readValue(JSON.writeValueAsString(colour), Normalization.class));
    }
}
