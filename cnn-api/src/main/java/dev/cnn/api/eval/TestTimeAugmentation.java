package dev.cnn.api.eval;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.loss.Targets;
import dev.cnn.api.model.Head;
import dev.cnn.api.network.Network;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test-time augmentation: a network scores several transformed copies of each image and the probabilities of every
 * head are averaged over them, which smooths out what one view of the image gets wrong. {@link #FLIPS} adds the image
 * mirrored left to right (for pictures whose class does not change so: clothes, objects; not digits or text);
 * {@link #SHIFTS} adds the image moved by one pixel up, down, left and right, the uncovered border repeating the edge.
 *
 * <p>{@link HeadEvaluator} and {@link dev.cnn.api.model.Model#predict(float[], int, TestTimeAugmentation)} both get their
 * outputs from {@link #outputs}, so {@code eval} and {@code predict} average the same way. Those outputs stand in for
 * the network's raw ones: for a class head the logarithm of the averaged probabilities (whose softmax is that
 * average), for a tag head their logit (whose sigmoid is it), for a head of values their average; so a head's loss,
 * ranking and probabilities read them as they read the network's own.
 */
public enum TestTimeAugmentation {
    /** The image alone. */
    NONE,
    /** The image and its mirror image (2 passes). */
    FLIPS,
    /** The image and its shifts by one pixel in each of the four directions (5 passes). */
    SHIFTS;

    /** The smallest probability kept before taking logarithms, so that an underflow to 0 gives no infinity. */
    private static final float FLOOR = 1e-30f;

    /** The name on the command line: {@code none}, {@code flips} or {@code shifts}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind called {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the known ones when none is
     */
    public static TestTimeAugmentation byName(String name) {
        for (TestTimeAugmentation t : values()) {
            if (t.id().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown test-time augmentation '" + name + "'; known: none, flips, shifts");
    }

    /** How many forward passes each batch takes. */
    public int passes() {
        return switch (this) {
            case NONE -> 1;
            case FLIPS -> 2;
            case SHIFTS -> 5;
        };
    }

    /**
     * The copies of {@code batch} (row-major {@code [N, C, H, W]}) the network scores, the batch itself first.
     *
     * @throws IllegalArgumentException when the batch is not of images (rank 4) and this is not {@link #NONE}
     */
    public List<float[]> variants(float[] batch, Shape batchShape) {
        if (this == NONE) {
            return List.of(batch);
        }
        if (batchShape.rank() != 4) {
            throw new IllegalArgumentException("test-time augmentation " + id() + " transforms images [N, C, H, W]; the"
                    + " network reads inputs of shape " + batchShape.withoutBatch());
        }
        int rows = batchShape.dim(2);
        int cols = batchShape.dim(3);
        List<float[]> out = new ArrayList<>(List.of(batch));
        if (this == FLIPS) {
            out.add(moved(batch, rows, cols, 0, 0, true));
        } else {
            out.add(moved(batch, rows, cols, 1, 0, false));
            out.add(moved(batch, rows, cols, -1, 0, false));
            out.add(moved(batch, rows, cols, 0, 1, false));
            out.add(moved(batch, rows, cols, 0, -1, false));
        }
        return out;
    }

    /** Every plane moved by {@code dy} rows and {@code dx} columns (edges repeated), or mirrored left to right. */
    private static float[] moved(float[] batch, int rows, int cols, int dy, int dx, boolean mirror) {
        float[] out = new float[batch.length];
        int plane = rows * cols;
        for (int base = 0; base < batch.length; base += plane) {
            for (int y = 0; y < rows; y++) {
                int sy = Math.min(rows - 1, Math.max(0, y - dy));
                for (int x = 0; x < cols; x++) {
                    int sx = mirror ? cols - 1 - x : Math.min(cols - 1, Math.max(0, x - dx));
                    out[base + y * cols + x] = batch[base + sy * cols + sx];
                }
            }
        }
        return out;
    }

    /**
     * Every head's output for {@code batch} (already normalised as the network expects), in inference mode: the
     * network's own outputs for {@link #NONE}, else the stand-ins for the probabilities averaged over the
     * {@linkplain #variants copies}, as the class description says.
     */
    public Map<String, Tensor> outputs(Network network, List<Head> heads, float[] batch, Shape batchShape) {
        Backend b = network.backend();
        String input = network.inputNames().get(0);
        if (this == NONE) {
            return network.forward(Map.of(input, b.tensor(batch, batchShape)), false);
        }
        Map<String, float[]> sums = new LinkedHashMap<>();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        List<float[]> copies = variants(batch, batchShape);
        for (float[] copy : copies) {
            Map<String, Tensor> outputs = network.forward(Map.of(input, b.tensor(copy, batchShape)), false);
            for (Head head : heads) {
                Tensor output = outputs.get(head.name());
                float[] probabilities = head.loss().probabilities(output).toArray();
                float[] sum = sums.computeIfAbsent(head.name(), k -> new float[probabilities.length]);
                shapes.put(head.name(), output.shape());
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += probabilities[i];
                }
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Head head : heads) {
            float[] mean = sums.get(head.name());
            Targets kind = head.loss().targets();
            for (int i = 0; i < mean.length; i++) {
                float p = mean[i] / copies.size();
                mean[i] = switch (kind) {
                    case CLASS -> (float) Math.log(Math.max(FLOOR, p));
                    case TAGS -> (float) (Math.log(Math.max(FLOOR, p)) - Math.log(Math.max(FLOOR, 1 - p)));
                    case VALUES -> p;
                };
            }
            out.put(head.name(), b.tensor(mean, shapes.get(head.name())));
        }
        return out;
    }
}
