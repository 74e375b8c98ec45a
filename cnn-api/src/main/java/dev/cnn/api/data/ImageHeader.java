package dev.cnn.api.data;

import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * What an image file's header says, read without decoding its pixels.
 *
 * @param width  in pixels
 * @param height in pixels
 * @param colour whether the image is stored in colour: false for grey images and for palettes of greys only
 */
public record ImageHeader(int width, int height, boolean colour) {

    /**
     * Reads the header of {@code file}.
     *
     * @throws IOException naming the file when it is not a regular file or not an image {@code javax.imageio} reads
     */
    public static ImageHeader read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file; give an image file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + ": not an image format that javax.imageio can decode (PNG, JPEG, GIF, BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                return new ImageHeader(width, height, isColour(reader));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IOException(file + ": cannot read the image header: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(file + ": cannot read the image header: " + e.getMessage(), e);
        }
    }

    private static boolean isColour(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return true;
        }
        ColorModel model = type.getColorModel();
        if (model instanceof IndexColorModel palette) {
            for (int i = 0; i < palette.getMapSize(); i++) {
                if (palette.getRed(i) != palette.getGreen(i) || palette.getGreen(i) != palette.getBlue(i)) {
                    return true;
                }
            }
            return false;
        }
        return model.getColorSpace().getType() != ColorSpace.TYPE_GRAY;
    }
}
