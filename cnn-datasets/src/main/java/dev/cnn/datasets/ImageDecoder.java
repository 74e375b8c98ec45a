package dev.cnn.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Decodes image files with {@code javax.imageio} (PNG, JPEG, GIF, BMP), refusing before decoding any image whose
 * header declares more pixels than {@linkplain DatasetLimits#maxPixels() the limit}, so a tiny file cannot claim
 * gigabytes, and any JPEG with more scans than {@linkplain DatasetLimits#maxJpegScans its limit}, so a small file
 * cannot keep the decoder busy for minutes. Only regular files are opened.
 */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    /** Decodes the first image of {@code file} under the {@linkplain DatasetLimits#maxPixels() limit in force}. */
    public static BufferedImage decode(Path file) throws IOException {
        return decode(file, DatasetLimits.maxPixels());
    }

    /**
     * Decodes the first image of {@code file}, reading its dimensions from the header first.
     *
     * @throws IOException naming the file when it is missing, not a regular file, not a decodable image, damaged,
     *                     larger than {@code maxPixels}, or a JPEG of more scans than allowed
     */
    public static BufferedImage decode(Path file, long maxPixels) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(FileNames.shown(file), null, "no image file here");
        }
        return ImageReaders.use(file, "decode the image", reader -> {
            checkPixels(file, reader.getWidth(0), reader.getHeight(0), maxPixels);
            if ("jpeg".equalsIgnoreCase(reader.getFormatName())) {
                checkScans(file, reader.getWidth(0), reader.getHeight(0));
            }
            return reader.read(0);
        });
    }

    /** Refuses an image of {@code width x height} with more than {@code maxPixels}, naming {@code file}. */
    static void checkPixels(Path file, int width, int height, long maxPixels) throws IOException {
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new IOException(FileNames.shown(file) + ": the image is " + width + "x" + height + " = " + pixels
                    + " pixels, more than the " + maxPixels + " allowed; shrink it first, or raise the limit with -D"
                    + DatasetLimits.MAX_PIXELS_PROPERTY + "=N");
        }
    }

    /** Refuses a JPEG of {@code width x height} with more scans than {@link DatasetLimits#maxJpegScans} allows. */
    static void checkScans(Path file, int width, int height) throws IOException {
        long pixels = (long) width * height;
        int allowed = DatasetLimits.maxJpegScans(pixels);
        int scans = JpegScans.count(file);
        if (scans > allowed) {
            String why = scans > DatasetLimits.MAX_JPEG_SCANS ? "more than the " + DatasetLimits.MAX_JPEG_SCANS
                    + " a JPEG may have"
                    : "more than the " + allowed + " allowed at " + width + "x" + height + " pixels (as much decoding as "
                    + DatasetLimits.JPEG_FULL_SCANS_OF_THE_LARGEST_IMAGE + " scans of a " + DatasetLimits.maxPixels()
                    + "-pixel image)";
            throw new IOException(FileNames.shown(file) + ": the JPEG has " + scans + " scans, " + why + "; a photo has"
                    + " about 10, so it is damaged or made to stall the decoder: re-encode it (as a PNG, or a baseline"
                    + " JPEG) or leave it out");
        }
    }
}
