package dev.cnn.datasets;

import dev.cnn.api.data.Dataset;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Loads a folder of images as {@link ImageFolderSource} does and prints what it read, for {@link ChildJvm}: the
 * arguments are the folder (as a {@code file:} URI, so its name needs no encoding), the number of decoding threads, and
 * the sample size. Prints the encoding Java names files in, then one line per split with its classes, its size and a
 * checksum of its labels and pixels, and the skipped files; or {@code error: MESSAGE} and exits 1. Non-ASCII output is
 * written as UTF-8 whatever the locale.
 */
public final class LoadFolderMain {
    private LoadFolderMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("sun.jnu.encoding=" + System.getProperty("sun.jnu.encoding"));
        Path root = Path.of(java.net.URI.create(args[0]));
        int side = Integer.parseInt(args[2]);
        RecordingListener listener = new RecordingListener();
        ImageFolderSource source = new ImageFolderSource(root, ImageFolderOptions.defaults().withChannels(3)
                .withSize(side, side).withThreads(Integer.parseInt(args[1])), listener);
        try {
            print(out, "train", source.train());
            print(out, "test", source.test());
        } catch (IOException e) {
            out.println("error: " + e.getMessage());
            System.exit(1);
        } finally {
            listener.skipped.forEach(s -> out.println("skipped: " + s));
            listener.warnings.forEach(s -> out.println("warning: " + s));
        }
        out.println("skipped " + source.skippedFiles());
    }

    private static void print(PrintStream out, String split, Dataset data) {
        int[] labels = new int[data.size()];
        float[] pixels = new float[0];
        for (int i = 0; i < data.size(); i++) {
            labels[i] = data.label(i);
            float[] features = data.features(i);
            pixels = Arrays.copyOf(pixels, pixels.length + features.length);
            System.arraycopy(features, 0, pixels, pixels.length - features.length, features.length);
        }
        out.println(split + " " + data.classNames() + " " + data.size() + " images, checksum "
                + (31 * Arrays.hashCode(labels) + Arrays.hashCode(pixels)));
    }
}
