package dev.cnn.datasets;

import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
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
 * @param bytesPerPixel the bytes each pixel takes once decoded, as {@code javax.imageio} stores it (3 for an RGB JPEG,
 *                      8 for a 16-bit RGBA PNG); 4 when the header does not say
 */
public record ImageHeader(int width, int height, boolean colour, int bytesPerPixel) {

    /**
     * Reads the header of {@code file}, refusing first an image with more pixels than {@link DatasetLimits.maxPixels()}.
     *
     * @throws IOException naming the file when it is not a regular file, not an image {@code javax.imageio} reads, or
     *                     an image with more pixels than allowed
     */
    public static ImageHeader read(Path file) throws IOException {
        return ImageReaders.use(file, "read the image header",
                reader -> {
                    ImageDecoder.checkPixels(file, reader.getWidth(0), reader.getHeight(0), DatasetLimits.maxPixels());
                    return new ImageHeader(reader.getWidth(0), reader.getHeight(0), isColour(reader),
                            bytesPerPixel(type(reader)));
                });
    }

    /** The bytes the decoded image takes: width x height x {@link #bytesPerPixel}, in {@code long} arithmetic. */
    public long decodedBytes() {
        return (long) width * height * bytesPerPixel;
    }

    private static ImageTypeSpecifier type(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        return type;
    }

    private static int bytesPerPixel(ImageTypeSpecifier type) {
        if (type == null) {
            return 4;
        }
        SampleModel model = type.getSampleModel(1, 1);
        if (model instanceof SinglePixelPackedSampleModel || model instanceof MultiPixelPackedSampleModel) {
            return Math.max(1, DataBuffer.getDataTypeSize(model.getDataType()) / 8);
        }
        int bits = 0;
        for (int size : model.getSampleSize()) {
            bits += size;
        }
        return Math.max(1, (bits + 7) / 8);
    }

    private static boolean isColour(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = type(reader);
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
