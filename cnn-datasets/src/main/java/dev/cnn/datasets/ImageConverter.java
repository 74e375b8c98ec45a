package dev.cnn.datasets;

import dev.cnn.api.tensor.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Converts between images and float samples of shape {@code [C, H, W]} in [0, 1], channels planar: {@code C = 1}
 * is grey (luminance 0.299 R + 0.587 G + 0.114 B), {@code C = 3} is red, green, blue. Images of any size are resized,
 * by area averaging when shrinking and bilinearly when enlarging. Transparent pixels are composited over black.
 */
public final class ImageConverter {
    private ImageConverter() {
    }

    /**
     * Reads an image file that {@code javax.imageio} can decode (PNG, JPEG, GIF, BMP) and converts it; see
     * {@link ImageDecoder}.
     *
     * @throws ImageTooLargeException when the image is valid but Java runs out of memory decoding it
     */
    public static float[] read(Path file, Shape sampleShape) throws IOException {
        checkShape(sampleShape);
        try {
            return toSample(ImageDecoder.decode(file), sampleShape);
        } catch (OutOfMemoryError e) {
            ImageHeader header = ImageHeader.read(file);
            throw new ImageTooLargeException(FileNames.shown(file), header, bytesToRead(header, sampleShape), e);
        }
    }

    /** Reads {@code file}, whose header is {@code header}, and converts it. */
    static float[] read(Path file, ImageHeader header, Shape sampleShape) throws IOException {
        checkShape(sampleShape);
        try {
            return toSample(ImageDecoder.decode(file), sampleShape);
        } catch (OutOfMemoryError e) {
            throw new ImageTooLargeException(FileNames.shown(file), header, bytesToRead(header, sampleShape), e);
        }
    }

    /** The memory reading an image of {@code header} as a sample of {@code sampleShape} takes at most, in bytes. */
    static long bytesToRead(ImageHeader header, Shape sampleShape) {
        return header.decodedBytes() + workBytes(header.width(), header.height(), sampleShape);
    }

    /**
     * The image as a sample of {@code sampleShape} ({@code [1 or 3, H, W]}). The image is read one row at a time and
     * each row resized across at once, so beside the image itself only the rows resized across are held: the
     * memory {@link #workBytes} counts.
     */
    public static float[] toSample(BufferedImage image, Shape sampleShape) {
        checkShape(sampleShape);
        int channels = sampleShape.dim(0);
        int rows = sampleShape.dim(1);
        int cols = sampleShape.dim(2);
        int width = image.getWidth();
        int height = image.getHeight();
        ResampleWeights across = ResampleWeights.of(width, cols);
        float[][] wide = new float[channels][height * cols];
        PixelRows pixels = new PixelRows(image, channels);
        for (int y = 0; y < height; y++) {
            float[][] row = pixels.row(y);
            for (int c = 0; c < channels; c++) {
                across.resizeRow(row[c], 0, wide[c], y * cols);
            }
        }
        ResampleWeights down = height == rows ? null : ResampleWeights.of(height, rows);
        float[] out = new float[channels * rows * cols];
        for (int c = 0; c < channels; c++) {
            int plane = c * rows * cols;
            if (down == null) {
                System.arraycopy(wide[c], 0, out, plane, rows * cols);
            } else {
                down.resizeColumns(wide[c], cols, out, plane);
            }
            wide[c] = null;
            for (int i = plane; i < plane + rows * cols; i++) {
                out[i] = Math.min(1f, Math.max(0f, out[i]));
            }
        }
        return out;
    }

    /**
     * The most memory {@link #toSample} needs beside the decoded image, in bytes, for an image of
     * {@code width x height} made a sample of {@code sampleShape}.
     */
    public static long workBytes(int width, int height, Shape sampleShape) {
        long channels = sampleShape.dim(0);
        long rows = sampleShape.dim(1);
        long cols = sampleShape.dim(2);
        return 4L * channels * height * cols + 4L * channels * rows * cols + 4L * (channels + 1) * width
                + 8L * (rows + cols) + 16L * (rows + width + height + cols);
    }

    /**
     * The sample as a picture: {@code TYPE_BYTE_GRAY} for one channel, {@code TYPE_INT_RGB} for three. Values are
     * clamped to [0, 1].
     */
    public static BufferedImage toImage(float[] sample, Shape sampleShape) {
        checkShape(sampleShape);
        if (sample.length != sampleShape.size()) {
            throw new IllegalArgumentException("a sample of shape " + sampleShape + " needs " + sampleShape.size()
                    + " values, got " + sample.length);
        }
        int channels = sampleShape.dim(0);
        int rows = sampleShape.dim(1);
        int cols = sampleShape.dim(2);
        int plane = rows * cols;
        if (channels == 1) {
            BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
            WritableRaster raster = image.getRaster();
            int[] grey = new int[plane];
            for (int i = 0; i < plane; i++) {
                grey[i] = toByte(sample[i]);
            }
            raster.setSamples(0, 0, cols, rows, 0, grey);
            return image;
        }
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = toByte(sample[i]) << 16 | toByte(sample[plane + i]) << 8 | toByte(sample[2 * plane + i]);
        }
        image.setRGB(0, 0, cols, rows, rgb, 0, cols);
        return image;
    }

    private static int toByte(float v) {
        return Math.round(Math.min(1f, Math.max(0f, v)) * 255f);
    }

    private static void checkShape(Shape shape) {
        if (shape.rank() != 3 || (shape.dim(0) != 1 && shape.dim(0) != 3)) {
            throw new IllegalArgumentException("an image sample shape is [C, H, W] with C = 1 or 3, got " + shape);
        }
    }
}
