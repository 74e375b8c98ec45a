package dev.cnn.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageConverterTest {
    @TempDir
    Path dir;

    private static BufferedImage rgb(int width, int height, int argb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, argb);
            }
        }
        return image;
    }

    @Test
    void rgbChannelsArePlanar() {
        float[] sample = ImageConverter.toSample(rgb(4, 3, 0xFFFF8000), Shape.of(3, 3, 4));
        assertEquals(36, sample.length);
        assertEquals(1f, sample[0], 1e-6f);
        assertEquals(128 / 255f, sample[12], 1e-6f);
        assertEquals(0f, sample[24], 1e-6f);
    }

    @Test
    void eightBitRgbReadFromItsSamplesIsWhatGetRgbGives() {
        java.util.Random random = new java.util.Random(7);
        BufferedImage bgr = new BufferedImage(13, 9, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage intRgb = new BufferedImage(13, 9, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 13; x++) {
                int rgb = random.nextInt(1 << 24);
                bgr.setRGB(x, y, rgb);
                intRgb.setRGB(x, y, rgb);
            }
        }
        for (Shape shape : new Shape[] {Shape.of(3, 9, 13), Shape.of(3, 4, 5), Shape.of(1, 20, 7)}) {
            assertArrayEquals(ImageConverter.toSample(intRgb, shape), ImageConverter.toSample(bgr, shape), 0f,
                    shape.toString());
        }
    }

    @Test
    void greyIsLuminance() {
        float[] sample = ImageConverter.toSample(rgb(2, 2, 0xFFFF0000), Shape.of(1, 2, 2));
        assertArrayEquals(new float[] {0.299f, 0.299f, 0.299f, 0.299f}, sample, 1e-5f);
    }

    @Test
    void transparentPixelsBecomeBlack() {
        float[] sample = ImageConverter.toSample(rgb(2, 2, 0x00FFFFFF), Shape.of(3, 2, 2));
        assertArrayEquals(new float[12], sample, 0f);
    }

    @Test
    void shrinkingAveragesAreas() {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSamples(0, 0, 4, 2, 0, new int[] {255, 255, 0, 0, 255, 255, 0, 51});
        float[] sample = ImageConverter.toSample(image, Shape.of(1, 1, 2));
        assertArrayEquals(new float[] {1f, 0.05f}, sample, 1e-5f);
        float[] odd = ImageConverter.toSample(image, Shape.of(1, 1, 3));
        assertEquals(1f, odd[0], 1e-5f);
        assertEquals(0.5f, odd[1], 1e-5f);
    }

    @Test
    void enlargingInterpolatesWithinRange() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {0, 255});
        float[] sample = ImageConverter.toSample(image, Shape.of(1, 3, 8));
        assertEquals(24, sample.length);
        assertEquals(0f, sample[0], 1e-6f);
        assertEquals(1f, sample[7], 1e-6f);
        for (int x = 1; x < 8; x++) {
            assertTrue(sample[x] >= sample[x - 1], "monotone from dark to light");
        }
        assertEquals(sample[3], sample[8 + 3], 0f);
    }

    @Test
    void greyImageValuesAreReadWithoutColourConversion() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 100, 255});
        assertArrayEquals(new float[] {0f, 100 / 255f, 1f}, ImageConverter.toSample(image, Shape.of(1, 1, 3)), 1e-6f);
        float[] asRgb = ImageConverter.toSample(image, Shape.of(3, 1, 3));
        assertEquals(100 / 255f, asRgb[4], 1e-6f);
    }

    @Test
    void toImageRoundTrips() {
        Shape grey = Shape.of(1, 2, 3);
        float[] g = {0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f};
        BufferedImage gi = ImageConverter.toImage(g, grey);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, gi.getType());
        assertEquals(3, gi.getWidth());
        assertArrayEquals(g, ImageConverter.toSample(gi, grey), 0.6f / 255);

        Shape colour = Shape.of(3, 2, 2);
        float[] c = {1, 0, 0, 0.5f, 0, 1, 0, 0.5f, 0, 0, 1, 0.5f};
        BufferedImage ci = ImageConverter.toImage(c, colour);
        assertEquals(0x0000FF, ci.getRGB(0, 1) & 0xFFFFFF);
        assertArrayEquals(c, ImageConverter.toSample(ci, colour), 0.6f / 255);
    }

    @Test
    void rejectsShapesThatAreNotImages() {
        assertThrows(IllegalArgumentException.class, () -> ImageConverter.toSample(rgb(1, 1, 0), Shape.of(2, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> ImageConverter.toImage(new float[3], Shape.of(1, 2, 2)));
    }

    @Test
    void readsPngFilesAndNamesUndecodableOnes() throws IOException {
        Path png = dir.resolve("red.png");
        ImageIO.write(rgb(5, 5, 0xFFFF0000), "png", png.toFile());
        assertEquals(0.299f, ImageConverter.read(png, Shape.of(1, 2, 2))[0], 1e-5f);

        Path junk = Files.write(dir.resolve("junk.png"), new byte[] {1, 2, 3, 4});
        IOException e = assertThrows(IOException.class, () -> ImageConverter.read(junk, Shape.of(1, 2, 2)));
        assertTrue(e.getMessage().contains("junk.png"), e.getMessage());
    }
}
