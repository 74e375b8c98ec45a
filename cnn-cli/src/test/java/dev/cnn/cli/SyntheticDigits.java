package dev.cnn.cli;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A tiny IDX dataset of easy synthetic images: class {@code k} is a bright square at its own place on a dark
 * background, shifted by a pixel at random, with a little noise.
 */
final class SyntheticDigits {
    static final int CLASSES = 10;

    private SyntheticDigits() {
    }

    /** Writes the four IDX files of {@code train} and {@code test} images of {@code size x size} into {@code dir}. */
    static Path write(Path dir, int train, int test, int size) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(7);
        writeSplit(dir, "train", train, size, random);
        writeSplit(dir, "t10k", test, size, random);
        return dir;
    }

    private static void writeSplit(Path dir, String prefix, int count, int size, Random random) throws IOException {
        byte[] pixels = new byte[count * size * size];
        byte[] labels = new byte[count];
        int square = Math.max(2, size / 5);
        for (int i = 0; i < count; i++) {
            int label = i % CLASSES;
            labels[i] = (byte) label;
            int top = 1 + (label / 5) * (size / 2) + random.nextInt(2);
            int left = 1 + (label % 5) * (size / 5) + random.nextInt(2) - (label % 5 == 4 ? 1 : 0);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean inside = y >= top && y < top + square && x >= left && x < left + square;
                    int value = inside ? 200 + random.nextInt(56) : random.nextInt(30);
                    pixels[i * size * size + y * size + x] = (byte) value;
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte")))) {
            out.writeInt(0x00000803);
            out.writeInt(count);
            out.writeInt(size);
            out.writeInt(size);
            out.write(pixels);
        }
        try (OutputStream file = Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte"));
             DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(0x00000801);
            out.writeInt(count);
            out.write(labels);
        }
    }
}
