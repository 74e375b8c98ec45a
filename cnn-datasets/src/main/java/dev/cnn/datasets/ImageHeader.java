package dev.cnn.datasets;

import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

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
        return ImageReaders.use(file, "read the image header",
                reader -> new ImageHeader(reader.getWidth(0), reader.getHeight(0), isColour(reader)));
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
