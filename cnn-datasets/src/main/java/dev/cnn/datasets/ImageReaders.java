package dev.cnn.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Opens a {@code javax.imageio} reader on an image file for one piece of work, with the errors named by file (as
 * {@link FileNames#shown} writes it). The file is opened by its {@link Path}, so a name that is not text in the
 * locale's encoding opens too.
 */
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
        String shown = FileNames.shown(file);
        if (!Files.isRegularFile(file)) {
            throw new IOException(shown + " is not a regular file (a directory, device or pipe); give an image file");
        }
        try (ImageInputStream in = new ChannelImageInputStream(file)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(shown + ": not an image format that javax.imageio can decode (PNG, JPEG, GIF, BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return work.with(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(shown)) {
                throw e;
            }
            throw new IOException(shown + ": cannot " + what + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(shown + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
