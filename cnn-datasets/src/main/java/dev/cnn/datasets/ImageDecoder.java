package dev.cnn.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Decodes image files with {@code javax.imageio} (PNG, JPEG, GIF, BMP), refusing before decoding any image whose
 * header declares more pixels than a limit, so a tiny file cannot claim gigabytes. The limit is
 * {@value #DEFAULT_MAX_PIXELS} pixels unless the system property {@value #MAX_PIXELS_PROPERTY} says otherwise. Only
 * regular files are opened.
 */
public final class ImageDecoder {
    /** The system property that overrides the pixel limit. */
    public static final String MAX_PIXELS_PROPERTY = "cnn.image.maxPixels";
    /** The default pixel limit: 50 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    private ImageDecoder() {
    }

    /** The pixel limit in force: {@value #MAX_PIXELS_PROPERTY} when set to a positive number, else the default. */
    public static long maxPixels() {
        String value = System.getProperty(MAX_PIXELS_PROPERTY);
        if (value == null) {
            return DEFAULT_MAX_PIXELS;
        }
        try {
            long limit = Long.parseLong(value.strip());
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + MAX_PIXELS_PROPERTY + "=" + value + " is not a positive number of pixels");
    }

    /** Decodes the first image of {@code file} under the {@linkplain #maxPixels() limit in force}. */
    public static BufferedImage decode(Path file) throws IOException {
        return decode(file, maxPixels());
    }

    /**
     * Decodes the first image of {@code file}, reading its dimensions from the header first.
     *
     * @throws IOException naming the file when it is missing, not a regular file, not a decodable image, damaged, or
     *                     larger than {@code maxPixels}
     */
    public static BufferedImage decode(Path file, long maxPixels) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(FileNames.shown(file), null, "no image file here");
        }
        return ImageReaders.use(file, "decode the image", reader -> {
            checkPixels(file, reader.getWidth(0), reader.getHeight(0), maxPixels);
            return reader.read(0);
        });
    }

    /** Refuses an image of {@code width x height} with more than {@code maxPixels}, naming {@code file}. */
    static void checkPixels(Path file, int width, int height, long maxPixels) throws IOException {
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new IOException(FileNames.shown(file) + ": the image is " + width + "x" + height + " = " + pixels
                    + " pixels, more than the " + maxPixels + " allowed; shrink it first, or raise the limit with -D"
                    + MAX_PIXELS_PROPERTY + "=N");
        }
    }
}
