package dev.cnn.datasets;

import dev.cnn.api.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random changes to training images that keep their class: a random crop of the image padded by {@code cropPadding}
 * pixels (a shift of up to that many pixels each way, the uncovered border black), a horizontal flip of every other
 * image on average (off unless asked for: digits must not flip), a rotation by up to {@code rotationDegrees} either
 * way, a scaling by a factor in {@code [1 - scale, 1 + scale]}, and colour jitter: brightness, contrast and (for colour
 * images) saturation each multiplied by a factor in {@code [1 - colorJitter, 1 + colorJitter]}, and last random
 * erasing: with probability {@code erasing} a rectangle of the image filled with noise ({@link RandomErasing}). The
 * geometric changes
 * are one affine map about the image centre, sampled bilinearly; pixels stay in [0, 1]. What each image gets is drawn
 * from the {@link Random} given, image after image, so the same seed gives the same batch.
 *
 * <p>Written as text, for plans and messages: {@code crop=4,flip,rotate=10,scale=0.1,jitter=0.2,erase=0.5} with the
 * unused parts left out, or {@code none}. A change that is off draws no random number, so a plan without erasing
 * augments exactly as it did before erasing existed.
 *
 * @param cropPadding     the largest shift in pixels, at least 0
 * @param flip            whether images are flipped left to right at random
 * @param rotationDegrees the largest rotation either way, in [0, 180]
 * @param scale           the largest relative change of size, in [0, 1)
 * @param colorJitter     the largest relative change of brightness, contrast and saturation, in [0, 1]
 * @param erasing         the probability that an image gets a random rectangle erased, in [0, 1]
 */
public record ImageAugmentation(int cropPadding, boolean flip, double rotationDegrees, double scale, double colorJitter,
                                double erasing) {
    /** Checks the ranges. */
    public ImageAugmentation {
        if (cropPadding < 0) {
            throw new IllegalArgumentException("the crop padding must be at least 0 pixels, got " + cropPadding);
        }
        if (!(rotationDegrees >= 0 && rotationDegrees <= 180)) {
            throw new IllegalArgumentException("the rotation must be 0 to 180 degrees, got " + rotationDegrees);
        }
        if (!(scale >= 0 && scale < 1)) {
            throw new IllegalArgumentException("the scale change must be at least 0 and below 1, got " + scale);
        }
        if (!(colorJitter >= 0 && colorJitter <= 1)) {
            throw new IllegalArgumentException("the colour jitter must be 0 to 1, got " + colorJitter);
        }
        if (!(erasing >= 0 && erasing <= 1)) {
            throw new IllegalArgumentException("the random-erasing probability must be 0 to 1, got " + erasing);
        }
    }

    /** Without random erasing. */
    public ImageAugmentation(int cropPadding, boolean flip, double rotationDegrees, double scale, double colorJitter) {
        this(cropPadding, flip, rotationDegrees, scale, colorJitter, 0);
    }

    /** This augmentation erasing a random rectangle of each image with probability {@code probability}. */
    public ImageAugmentation withErasing(double probability) {
        return new ImageAugmentation(cropPadding, flip, rotationDegrees, scale, colorJitter, probability);
    }

    /** No change at all. */
    public static ImageAugmentation none() {
        return new ImageAugmentation(0, false, 0, 0, 0, 0);
    }

    /** Whether this changes nothing. */
    public boolean isNone() {
        return cropPadding == 0 && !flip && rotationDegrees == 0 && scale == 0 && colorJitter == 0 && erasing == 0;
    }

    private boolean geometric() {
        return cropPadding > 0 || flip || rotationDegrees > 0 || scale > 0;
    }

    /** The text form, such as {@code crop=4,flip,rotate=10}; {@code none} when it changes nothing. */
    public String spec() {
        List<String> parts = new ArrayList<>();
        if (cropPadding > 0) {
            parts.add("crop=" + cropPadding);
        }
        if (flip) {
            parts.add("flip");
        }
        if (rotationDegrees > 0) {
            parts.add("rotate=" + number(rotationDegrees));
        }
        if (scale > 0) {
            parts.add("scale=" + number(scale));
        }
        if (colorJitter > 0) {
            parts.add("jitter=" + number(colorJitter));
        }
        if (erasing > 0) {
            parts.add("erase=" + number(erasing));
        }
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    /** Reads {@link #spec()}'s form; null, empty and {@code none} are {@link #none()}. */
    public static ImageAugmentation parse(String spec) {
        if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("none")) {
            return none();
        }
        int crop = 0;
        boolean flip = false;
        double rotate = 0;
        double scale = 0;
        double jitter = 0;
        double erase = 0;
        for (String part : spec.split(",")) {
            String[] kv = part.strip().toLowerCase(Locale.ROOT).split("=", 2);
            try {
                switch (kv[0]) {
                    case "crop" -> crop = Integer.parseInt(value(kv, spec));
                    case "flip" -> flip = true;
                    case "rotate" -> rotate = Double.parseDouble(value(kv, spec));
                    case "scale" -> scale = Double.parseDouble(value(kv, spec));
                    case "jitter" -> jitter = Double.parseDouble(value(kv, spec));
                    case "erase" -> erase = Double.parseDouble(value(kv, spec));
                    default -> throw new IllegalArgumentException("unknown augmentation '" + part + "' in '" + spec
                            + "'; known: crop=N, flip, rotate=DEGREES, scale=F, jitter=F, erase=P");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part + "' in '" + spec + "' needs a number", e);
            }
        }
        return new ImageAugmentation(crop, flip, rotate, scale, jitter, erase);
    }

    private static String value(String[] kv, String spec) {
        if (kv.length < 2) {
            throw new IllegalArgumentException("'" + kv[0] + "' in '" + spec + "' needs a value, such as " + kv[0] + "=2");
        }
        return kv[1];
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Changes every image of {@code batch} in place.
     *
     * @param batch      {@code [B, C, H, W]} pixels in [0, 1], row-major
     * @param batchShape its shape, rank 4
     * @param random     the source of every random choice
     */
    public void apply(float[] batch, Shape batchShape, Random random) {
        if (batchShape.rank() != 4 || batch.length != batchShape.size()) {
            throw new IllegalArgumentException("expected a [B, C, H, W] batch, got shape " + batchShape + " with "
                    + batch.length + " values");
        }
        if (isNone()) {
            return;
        }
        int images = batchShape.dim(0);
        int channels = batchShape.dim(1);
        int rows = batchShape.dim(2);
        int cols = batchShape.dim(3);
        int size = channels * rows * cols;
        float[] scratch = new float[size];
        RandomErasing eraser = erasing > 0 ? new RandomErasing(erasing) : null;
        for (int b = 0; b < images; b++) {
            int offset = b * size;
            if (geometric()) {
                warp(batch, offset, channels, rows, cols, random, scratch);
            }
            if (colorJitter > 0) {
                jitter(batch, offset, channels, rows * cols, random);
            }
            if (eraser != null) {
                eraser.apply(batch, offset, channels, rows, cols, random);
            }
        }
    }

    private void warp(float[] data, int offset, int channels, int rows, int cols, Random random, float[] scratch) {
        double dx = cropPadding == 0 ? 0 : random.nextInt(2 * cropPadding + 1) - cropPadding;
        double dy = cropPadding == 0 ? 0 : random.nextInt(2 * cropPadding + 1) - cropPadding;
        boolean mirrored = flip && random.nextBoolean();
        double angle = rotationDegrees == 0 ? 0 : Math.toRadians(rotationDegrees * (2 * random.nextDouble() - 1));
        double factor = scale == 0 ? 1 : 1 + scale * (2 * random.nextDouble() - 1);
        double cos = Math.cos(angle) / factor;
        double sin = Math.sin(angle) / factor;
        double cx = cols / 2.0;
        double cy = rows / 2.0;
        int plane = rows * cols;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                double u = x + 0.5 - cx - dx;
                double v = y + 0.5 - cy - dy;
                double sx = cos * u + sin * v;
                double sy = -sin * u + cos * v;
                if (mirrored) {
                    sx = -sx;
                }
                double px = sx + cx - 0.5;
                double py = sy + cy - 0.5;
                for (int c = 0; c < channels; c++) {
                    scratch[c * plane + y * cols + x] = bilinear(data, offset + c * plane, rows, cols, px, py);
                }
            }
        }
        System.arraycopy(scratch, 0, data, offset, channels * plane);
    }

    private static float bilinear(float[] data, int offset, int rows, int cols, double px, double py) {
        int x0 = (int) Math.floor(px);
        int y0 = (int) Math.floor(py);
        double fx = px - x0;
        double fy = py - y0;
        double sum = 0;
        for (int j = 0; j <= 1; j++) {
            int yy = y0 + j;
            double wy = j == 0 ? 1 - fy : fy;
            if (yy < 0 || yy >= rows || wy == 0) {
                continue;
            }
            for (int i = 0; i <= 1; i++) {
                int xx = x0 + i;
                double wx = i == 0 ? 1 - fx : fx;
                if (xx >= 0 && xx < cols && wx != 0) {
                    sum += wx * wy * data[offset + yy * cols + xx];
                }
            }
        }
        return (float) sum;
    }

    private void jitter(float[] data, int offset, int channels, int plane, Random random) {
        float brightness = (float) (1 + colorJitter * (2 * random.nextDouble() - 1));
        float contrast = (float) (1 + colorJitter * (2 * random.nextDouble() - 1));
        float saturation = (float) (1 + colorJitter * (2 * random.nextDouble() - 1));
        double total = 0;
        for (int i = 0; i < channels * plane; i++) {
            total += data[offset + i];
        }
        float mean = (float) (total / (channels * plane)) * brightness;
        for (int i = 0; i < plane; i++) {
            if (channels == 3) {
                float r = data[offset + i] * brightness;
                float g = data[offset + plane + i] * brightness;
                float b = data[offset + 2 * plane + i] * brightness;
                float grey = 0.299f * r + 0.587f * g + 0.114f * b;
                data[offset + i] = clamp((grey + (r - grey) * saturation - mean) * contrast + mean);
                data[offset + plane + i] = clamp((grey + (g - grey) * saturation - mean) * contrast + mean);
                data[offset + 2 * plane + i] = clamp((grey + (b - grey) * saturation - mean) * contrast + mean);
            } else {
                for (int c = 0; c < channels; c++) {
                    int k = offset + c * plane + i;
                    data[k] = clamp((data[k] * brightness - mean) * contrast + mean);
                }
            }
        }
    }

    private static float clamp(float v) {
        return Math.min(1f, Math.max(0f, v));
    }
}
