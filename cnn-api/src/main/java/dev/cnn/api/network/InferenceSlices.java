package dev.cnn.api.network;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Inference on a large batch, {@link #SLICE} images at a time: every node's output for a slice stays in the
 * processor's cache for the node that reads it next, where a batch of 256 writes each activation out to memory and
 * reads it back. Each image's outputs do not depend on the others in inference (batch normalisation uses its running
 * statistics), so the result is the same; only the passes are shorter. Batch 256 on the pure-Java backend, one pass
 * against slices alternated in one process ({@code InferenceTimings} in cnn-cli's tests; 2-core Zen 4 shared with two
 * builds): vgg-small 1.12x, resnet-small 1.13x and 1.29x (0.94x once), separable-small 1.37x, conv-20-40 1.13x.
 */
public final class InferenceSlices {
    /** Images per slice. */
    static final int SLICE = 64;
    /**
     * Batches whose largest activation is smaller than this many floats run in one pass: they stay in cache anyway,
     * and slicing costs copies and passes. mlp (at most 784 floats per image) at batch 256 inferred 551,000 images/s
     * in one pass and 370,000-403,000 in slices; conv-20-40's largest activation is 11,520 floats per image.
     */
    static final long MIN_ACTIVATION_FLOATS = 1L << 20;
    /**
     * Whether large batches are sliced: yes unless {@code -Dcnn.inference.slices=false}; timings set it to compare
     * the two in one process.
     */
    public static volatile boolean enabled = !"false".equals(System.getProperty("cnn.inference.slices"));

    private InferenceSlices() {
    }

    /**
     * The batch size of {@code inputs} when it is over {@link #SLICE}, its largest activation (the largest of
     * {@code valueShapes}, per image) at least {@link #MIN_ACTIVATION_FLOATS} floats, and every input a batch of
     * the same size, so that slicing cannot hide a mismatch; -1 otherwise (the one pass then reports what is wrong).
     */
    static int sliceableBatch(Map<String, Tensor> inputs, List<String> inputNames, Collection<Shape> valueShapes) {
        int batch = -1;
        for (String name : inputNames) {
            Tensor x = inputs.get(name);
            if (x == null || x.shape().rank() < 2 || (batch >= 0 && x.shape().dim(0) != batch)) {
                return -1;
            }
            batch = x.shape().dim(0);
        }
        long largestActivation = valueShapes.stream().mapToInt(Shape::size).max().orElse(0);
        return enabled && inputs.size() == inputNames.size() && batch > SLICE
                && batch * largestActivation >= MIN_ACTIVATION_FLOATS ? batch : -1;
    }

    /**
     * Runs {@code pass} on consecutive slices of {@code batch} images of {@code inputs} and returns its outputs for
     * the whole batch, in new tensors: what {@code pass} returns is copied out before the next slice runs, so it may
     * reuse its buffers.
     */
    static Map<String, Tensor> outputs(Backend backend, Map<String, Tensor> inputs, int batch,
                                       Function<Map<String, Tensor>, Map<String, Tensor>> pass) {
        Map<String, float[]> inputData = new LinkedHashMap<>();
        inputs.forEach((name, x) -> inputData.put(name, x.toArray()));
        Map<String, float[]> outputData = new LinkedHashMap<>();
        Map<String, Shape> outputShapes = new LinkedHashMap<>();
        for (int from = 0; from < batch; from += SLICE) {
            int count = Math.min(SLICE, batch - from);
            Map<String, Tensor> slice = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> input : inputs.entrySet()) {
                slice.put(input.getKey(), sliceOf(backend, inputData.get(input.getKey()), input.getValue().shape(),
                        from, count));
            }
            for (Map.Entry<String, Tensor> output : pass.apply(slice).entrySet()) {
                Shape sliceShape = output.getValue().shape();
                int perImage = sliceShape.size() / count;
                float[] whole = outputData.computeIfAbsent(output.getKey(), name -> {
                    outputShapes.put(name, sliceShape.withoutBatch().withBatch(batch));
                    return new float[perImage * batch];
                });
                System.arraycopy(output.getValue().toArray(), 0, whole, from * perImage, count * perImage);
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        outputData.forEach((name, data) -> out.put(name, backend.tensor(data, outputShapes.get(name))));
        return out;
    }

    private static Tensor sliceOf(Backend backend, float[] data, Shape shape, int from, int count) {
        int perImage = shape.size() / shape.dim(0);
        float[] slice = new float[count * perImage];
        System.arraycopy(data, from * perImage, slice, 0, count * perImage);
        return backend.tensor(slice, shape.withoutBatch().withBatch(count));
    }
}
