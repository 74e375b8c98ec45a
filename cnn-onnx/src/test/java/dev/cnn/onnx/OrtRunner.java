package dev.cnn.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs an ONNX model with ONNX Runtime on one float input and gives every output back as rows. */
final class OrtRunner {
    private OrtRunner() {
    }

    /** The outputs of {@code model} for {@code pixels} of shape {@code dims} fed to {@code input}, by output name. */
    static Map<String, float[][]> run(byte[] model, String input, float[] pixels, long[] dims) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, options);
                 OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), dims);
                 OrtSession.Result result = session.run(Map.of(input, tensor))) {
                Map<String, float[][]> out = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> e : result) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    long[] shape = t.getInfo().getShape();
                    FloatBuffer values = t.getFloatBuffer();
                    int rows = (int) shape[0];
                    int k = values.remaining() / rows;
                    float[][] matrix = new float[rows][k];
                    for (int r = 0; r < rows; r++) {
                        values.get(matrix[r]);
                    }
                    out.put(e.getKey(), matrix);
                }
                return out;
            }
        }
    }
}
