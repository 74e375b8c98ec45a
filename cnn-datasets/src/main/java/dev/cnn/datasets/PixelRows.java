package dev.cnn.datasets;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * The rows of an image as {@code channels} rows of values in [0, 1], one row at a time into buffers reused for the
 * next: grey (luminance 0.299 R + 0.587 G + 0.114 B) for one channel, red, green, blue for three, transparent pixels
 * composited over black. Opaque single-band grey images are read from their samples, because {@code getRGB} would
 * pass them through a colour-space conversion that changes their values; opaque 8-bit RGB ones too, because
 * {@code getRGB} returns their samples unchanged, one slow call per pixel.
 */
final class PixelRows {
    private final BufferedImage image;
    private final int width;
    private final boolean plainGrey;
    private final boolean plainRgb;
    private final float greyMax;
    private final int[] pixels;
    private final float[][] row;

    PixelRows(BufferedImage image, int channels) {
        this.image = image;
        this.width = image.getWidth();
        this.plainGrey = isPlainGrey(image);
        this.plainRgb = !plainGrey && isPlainRgb(image);
        this.greyMax = plainGrey ? (1 << image.getColorModel().getComponentSize(0)) - 1 : 0;
        this.pixels = new int[plainRgb ? 3 * width : width];
        this.row = new float[channels][width];
    }

    /** Row {@code y}, one array per channel, valid until the next call. */
    float[][] row(int y) {
        if (plainGrey) {
            Raster raster = image.getRaster();
            raster.getSamples(0, y, width, 1, 0, pixels);
            for (float[] plane : row) {
                for (int i = 0; i < width; i++) {
                    plane[i] = pixels[i] / greyMax;
                }
            }
            return row;
        }
        if (plainRgb) {
            image.getRaster().getPixels(0, y, width, 1, pixels);
        } else {
            image.getRGB(0, y, width, 1, pixels, 0, width);
        }
        for (int i = 0; i < width; i++) {
            int p = plainRgb ? 0xFF000000 | pixels[3 * i] << 16 | pixels[3 * i + 1] << 8 | pixels[3 * i + 2] : pixels[i];
            float alpha = (p >>> 24) / 255f;
            float r = ((p >> 16) & 0xFF) / 255f * alpha;
            float g = ((p >> 8) & 0xFF) / 255f * alpha;
            float b = (p & 0xFF) / 255f * alpha;
            if (row.length == 1) {
                row[0][i] = 0.299f * r + 0.587f * g + 0.114f * b;
            } else {
                row[0][i] = r;
                row[1][i] = g;
                row[2][i] = b;
            }
        }
        return row;
    }

    /**
     * Whether the image is opaque 8-bit sRGB in three bands (as JPEGs decode): its samples are then what
     * {@code getRGB} returns, read a row at a time without a colour-model call per pixel.
     */
    private static boolean isPlainRgb(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (!(model instanceof ComponentColorModel) || !model.getColorSpace().isCS_sRGB() || model.hasAlpha()
                || model.getNumComponents() != 3 || image.getRaster().getNumBands() != 3
                || image.getRaster().getTransferType() != DataBuffer.TYPE_BYTE) {
            return false;
        }
        for (int c = 0; c < 3; c++) {
            if (model.getComponentSize(c) != 8) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainGrey(BufferedImage image) {
        ColorModel model = image.getColorModel();
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && model.getNumComponents() == 1
                && image.getRaster().getNumBands() == 1 && model.getComponentSize(0) <= 16;
    }
}
