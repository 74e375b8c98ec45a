package dev.cnn.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import javax.imageio.ImageIO;

/** Writes pictures as PNG files, creating folders as needed and never leaving half a file. */
public final class PngFiles {
    private PngFiles() {
    }

    /** Writes {@code image} to {@code file} as PNG. */
    public static void write(BufferedImage image, Path file) throws IOException {
        write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer is available in this Java runtime");
            }
        });
    }

    /** Writes a PNG produced by {@code writer} to {@code file} through a temporary file in the same folder. */
    static void write(Path file, PngWriter writer) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        temp.toFile().deleteOnExit();
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.writeTo(out);
            }
            makeReadableByAll(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot write the picture " + target + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files are private to their owner; a picture is for anyone to look at. */
    private static void makeReadableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes PNG bytes to a stream. */
    @FunctionalInterface
    interface PngWriter {
        void writeTo(OutputStream out) throws IOException;
    }
}
