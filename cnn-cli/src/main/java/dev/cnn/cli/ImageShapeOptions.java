package dev.cnn.cli;

import dev.cnn.api.tensor.Shape;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --input-size H[xW]} and {@code --channels 1|3}: the shape images are converted to before training. */
public final class ImageShapeOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--input-size", paramLabel = "H[xW]",
            description = "Resize every image to H x W pixels (H alone: square), e.g. 32 or 48x64 (default: the"
                    + " images' own size, which must then be the same for all).")
    private String inputSize;

    @Option(names = "--channels", paramLabel = "1|3",
            description = "1 for grey, 3 for colour (default: what the images are: 3 when any is in colour).")
    private Integer channels;

    /** Whether either option was given. */
    boolean given() {
        return inputSize != null || channels != null;
    }

    /** The names of the options given, for messages. */
    String givenNames() {
        return inputSize != null && channels != null ? "--input-size and --channels"
                : inputSize != null ? "--input-size" : "--channels";
    }

    /** {@code --channels}: 1 or 3, or 0 when not given. */
    int channels() {
        if (channels == null) {
            return 0;
        }
        if (channels != 1 && channels != 3) {
            throw Options.usage(command, "--channels is 1 (grey) or 3 (colour), got " + channels);
        }
        return channels;
    }

    /** {@code --input-size} as {@code {height, width}}, or {@code {0, 0}} when not given. */
    int[] size() {
        if (inputSize == null) {
            return new int[] {0, 0};
        }
        String[] parts = inputSize.strip().toLowerCase(Locale.ROOT).split("x", -1);
        try {
            if (parts.length <= 2) {
                int h = Integer.parseInt(parts[0].strip());
                int w = parts.length == 1 ? h : Integer.parseInt(parts[1].strip());
                if (h >= 1 && w >= 1 && h <= 4096 && w <= 4096) {
                    return new int[] {h, w};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Options.usage(command, "--input-size is H or HxW in pixels (1 to 4096), such as 32 or 48x64; got '"
                + inputSize + "'");
    }

    /** The shape {@code native} images become: each part given replaces the native one. */
    Shape applyTo(Shape nativeShape) {
        int[] hw = size();
        int c = channels();
        return Shape.of(c != 0 ? c : nativeShape.dim(0), hw[0] != 0 ? hw[0] : nativeShape.dim(1),
                hw[1] != 0 ? hw[1] : nativeShape.dim(2));
    }
}
