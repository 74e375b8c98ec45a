package dev.cnn.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A small folder dataset of easy colour images: class {@code red}, {@code green} or {@code blue} is a square of that
 * colour at a random place on a noisy grey background, in PNG and JPEG files of two sizes.
 */
final class ColouredSquares {
    static final String[] CLASSES = {"blue", "green", "red"};
    private static final int[] COLOURS = {0x2040FF, 0x20D040, 0xF02020};

    private ColouredSquares() {
    }

    /** Writes {@code perClass} training images per class under {@code DIR/train} and a third as many under {@code DIR/test}. */
    static Path write(Path dir, int perClass) throws IOException {
        Random random = new Random(11);
        for (String split : new String[] {"train", "test"}) {
            int count = split.equals("train") ? perClass : Math.max(1, perClass / 3);
            for (int c = 0; c < CLASSES.length; c++) {
                Path folder = dir.resolve(split).resolve(CLASSES[c]);
                Files.createDirectories(folder);
                for (int i = 0; i < count; i++) {
                    boolean jpeg = i % 4 == 3;
                    BufferedImage image = image(jpeg ? 21 : 14, jpeg ? 17 : 14, COLOURS[c], random);
                    ImageIO.write(image, jpeg ? "jpg" : "png", folder.resolve(i + (jpeg ? ".jpg" : ".png")).toFile());
                }
            }
        }
        return dir;
    }

    private static BufferedImage image(int width, int height, int colour, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int g = 90 + random.nextInt(60);
                image.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        int side = Math.min(width, height) / 2;
        int x0 = random.nextInt(width - side);
        int y0 = random.nextInt(height - side);
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                image.setRGB(x, y, colour);
            }
        }
        return image;
    }
}
