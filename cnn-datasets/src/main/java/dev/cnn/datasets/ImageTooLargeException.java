package dev.cnn.datasets;

import java.io.IOException;
import java.util.Locale;

/**
 * A valid image that could not be decoded because Java ran out of heap memory, even with no other image decoding at
 * the same time. The message names the file, the memory it needs and what to do: give Java more memory or shrink the
 * image.
 */
public final class ImageTooLargeException extends IOException {
    private static final long MB = 1024 * 1024;

    ImageTooLargeException(String file, ImageHeader header, long neededBytes, OutOfMemoryError cause) {
        super(file + ": the image is " + header.width() + "x" + header.height() + ", too large to decode in the memory"
                + " Java has: it needs about " + String.format(Locale.ROOT, "%,d", Math.max(1, neededBytes / MB))
                + " MB, and Java's heap is at most " + String.format(Locale.ROOT, "%,d", Runtime.getRuntime().maxMemory() / MB)
                + " MB; give Java more memory (such as CNN_JAVA_OPTS=-Xmx8g for ./cnn, or java -Xmx8g), or shrink the"
                + " image", cause);
    }
}
