package dev.cnn.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Opens a {@code javax.imageio} reader on an image file for one piece of work, with the errors named by file. */
final class ImageReaders {
    private ImageReaders() {
    }

    /** What to do with the reader, positioned on the file's first image. */
    @FunctionalInterface
    interface Work<T> {
        T with(ImageReader reader) throws IOException;
    }

    /**
     * Runs {@code work} on a reader of {@code file}; every failure is an {@link IOException} whose message starts with
     * the file, saying it could not {@code what} (such as "decode the image").
     */
    static <T> T use(Path file, String what, Work<T> work) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file (a directory, device or pipe); give an image file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(file + ": not an image format that javax.imageio can decode (PNG, JPEG, GIF, BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return work.with(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IOException(file + ": cannot " + what + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(file + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
