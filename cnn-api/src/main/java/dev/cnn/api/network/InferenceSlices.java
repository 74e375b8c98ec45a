package dev.cnn.api.network;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Inference on a large batch, {@link #SLICE} images at a time: every node's output for a slice stays in the
 * processor's cache for the node that reads it next, where a batch of 256 writes each activation out to memory and
 * reads it back. Each image's outputs do not depend on the others in inference (batch normalisation uses its running
 * statistics), so the result is the same; only the passes are shorter. vgg-small at batch 256 on the pure-Java
 * backend: 3,303 images/s in one pass with fresh outputs, 3,595 in slices of 64 with reused buffers (resnet-small
 * 5,031 and 5,598), alternated in one process on a 2-core Zen 4.
 */
final class InferenceSlices {
    /** Images per slice. */
    static final int SLICE = 64;

    private InferenceSlices() {
    }

    /**
     * The batch size of {@code inputs} when it is over {@link #SLICE} and every input is a batch of the same size, so
     * that slicing cannot hide a mismatch; -1 otherwise (the one pass then reports what is wrong).
     */
    static int sliceableBatch(Map<String, Tensor> inputs, List<String> inputNames) {
        int batch = -1;
        for (String name : inputNames) {
            Tensor x = inputs.get(name);
            if (x == null || x.shape().rank() < 2 || (batch >= 0 && x.shape().dim(0) != batch)) {
                return -1;
            }
            batch = x.shape().dim(0);
        }
        return inputs.size() == inputNames.size() && batch > SLICE ? batch : -1;
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
