package dev.cnn.datasets;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small image files of every colour mode for the folder tests. */
final class TestImages {
    private TestImages() {
    }

    /** A large opaque RGB image of one colour, which compresses to a small file: a 7000x7000 JPEG is 768 KB. */
    static Path flatRgb(Path file, int width, int height, int rgb, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(rgb));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return write(image, file, format);
    }

    /** An opaque RGB image of one colour. */
    static Path rgb(Path file, int width, int height, int rgb, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        fill(image, rgb);
        return write(image, file, format);
    }

    /** An RGBA image of one colour and one alpha. */
    static Path rgba(Path file, int width, int height, int argb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        fill(image, argb);
        return write(image, file, "png");
    }

    /** An 8-bit grey image of one level. */
    static Path grey(Path file, int width, int height, int level) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, level);
            }
        }
        return write(image, file, "png");
    }

    /** A 16-bit grey image of one level in 0..65535. */
    static Path grey16(Path file, int width, int height, int level) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, level);
            }
        }
        return write(image, file, "png");
    }

    /** A 16-bit-per-channel RGB image of one colour, each channel in 0..65535. */
    static Path rgb16(Path file, int width, int height, int red, int green, int blue) throws IOException {
        java.awt.image.ComponentColorModel model = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), new int[] {16, 16, 16}, false,
                false, java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {red, green, blue});
            }
        }
        return write(new BufferedImage(model, raster, false, null), file, "png");
    }

    /** A palette image of two colours, all pixels the second one. */
    static Path palette(Path file, int width, int height, int rgb) throws IOException {
        byte[] r = {0, (byte) (rgb >> 16)};
        byte[] g = {0, (byte) (rgb >> 8)};
        byte[] b = {0, (byte) rgb};
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(1, 2, r, g, b));
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, 1);
            }
        }
        return write(image, file, "png");
    }

    /**
     * A progressive JPEG of {@code side x side} grey pixels, as {@code javax.imageio} writes it (10 scans), with its last
     * scan repeated {@code repeats} times more: a few bytes per scan, each a pass of the decoder over the whole image.
     * A 2048x2048 one with 20,000 repeats is 345 KB and takes {@code javax.imageio} minutes to decode.
     */
    static Path progressiveJpeg(Path file, int side, int repeats) throws IOException {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, side, side);
        g.dispose();
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(encoded)) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = encoded.toByteArray();
        int end = jpeg.length - 2;
        int lastScan = end - 2;
        while ((jpeg[lastScan] & 0xFF) != 0xFF || (jpeg[lastScan + 1] & 0xFF) != 0xDA) {
            lastScan--;
        }
        java.io.ByteArrayOutputStream hostile = new java.io.ByteArrayOutputStream();
        hostile.write(jpeg, 0, end);
        for (int k = 0; k < repeats; k++) {
            hostile.write(jpeg, lastScan, end - lastScan);
        }
        hostile.write(jpeg, end, 2);
        Files.createDirectories(file.getParent());
        return Files.write(file, hostile.toByteArray());
    }

    /** A file that starts like a PNG and then stops. */
    static Path corrupt(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0});
        return file;
    }

    private static void fill(BufferedImage image, int argb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, argb);
            }
        }
    }

    private static Path write(BufferedImage image, Path file, String format) throws IOException {
        Files.createDirectories(file.getParent());
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(image, format, out)) {
                throw new IOException("no writer for " + format);
            }
        }
        return file;
    }
}
