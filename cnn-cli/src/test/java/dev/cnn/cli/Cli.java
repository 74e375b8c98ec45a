package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Runs the command line in this process and checks what it printed. */
final class Cli {
    private Cli() {
    }

    /**
     * What one run printed and returned.
     *
     * @param exitCode the exit code
     * @param out      standard output
     * @param err      standard error
     */
    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        String lastLine() {
            List<String> lines = outLines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        /** Checks the run failed with {@code exitCode} and exactly one line on stderr containing {@code fragment}. */
        Result failedWith(int expectedCode, String fragment) {
            assertEquals(expectedCode, exitCode, () -> "exit code; out:\n" + out + "\nerr:\n" + err);
            List<String> lines = err.lines().toList();
            assertEquals(1, lines.size(), () -> "one line on stderr, got:\n" + err);
            assertTrue(lines.get(0).startsWith("error: "), err);
            assertTrue(err.contains(fragment), () -> "stderr should contain '" + fragment + "':\n" + err);
            assertFalse(err.contains("\tat "), "no stack trace");
            assertFalse(err.contains("Exception"), "no exception class names");
            return this;
        }

        /** Checks the run succeeded. */
        Result succeeded() {
            assertEquals(0, exitCode, () -> "exit code; out:\n" + out + "\nerr:\n" + err);
            return this;
        }
    }

    /** Runs {@code cnn args...} with captured output, as if not on a terminal. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), false, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Decodes {@code png} with javax.imageio, checks it is {@code width x height}, and returns it. */
    static BufferedImage assertPng(Path png, int width, int height) throws IOException {
        BufferedImage image = decode(png);
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight(), png.toString());
        return image;
    }

    /** Decodes {@code png} with javax.imageio, checks its height and that its width is within bounds. */
    static BufferedImage assertPng(Path png, int minWidth, int maxWidth, int height) throws IOException {
        BufferedImage image = decode(png);
        assertEquals(height, image.getHeight(), png + " height");
        assertTrue(image.getWidth() >= minWidth && image.getWidth() <= maxWidth,
                png + " width " + image.getWidth() + " outside [" + minWidth + ", " + maxWidth + "]");
        return image;
    }

    /** Decodes {@code png} with javax.imageio. */
    static BufferedImage decode(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " should exist");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null, png + " should decode as an image");
        return image;
    }
}
