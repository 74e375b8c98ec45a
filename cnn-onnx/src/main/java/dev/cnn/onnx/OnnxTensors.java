package dev.cnn.onnx;

import dev.cnn.onnx.proto.OnnxProto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The numbers of an ONNX tensor (an initializer or a constant): float32 as floats, int64 as longs, from raw
 * little-endian bytes or the typed fields. Refused before any allocation: data stored outside the file (never is a path
 * read from it), other element types, more than {@value #MAX_RANK} dimensions, negative dimensions, a size that does
 * not fit, more values than {@code budget} allows, and data whose length does not match the dimensions.
 */
final class OnnxTensors {
    static final int MAX_RANK = 8;

    private OnnxTensors() {
    }

    /** A tensor's dimensions and values: {@code floats} for float32, {@code longs} for int64, the other one null. */
    record Data(long[] dims, float[] floats, long[] longs) {
        long size() {
            return floats != null ? floats.length : longs.length;
        }
    }

    /**
     * Decodes {@code t}.
     *
     * @param what   how the error names it, such as {@code "initializer 'conv1.weight'"}
     * @param budget the most values it may hold
     */
    static Data read(TensorProto t, String what, long budget) throws OnnxFormatException {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
            throw new OnnxFormatException(what + " keeps its data in an external file; import reads models whose"
                    + " weights are inside the .onnx file only (save it without external data)");
        }
        if (t.getDimsCount() > MAX_RANK) {
            throw new OnnxFormatException(what + " has " + t.getDimsCount() + " dimensions; at most " + MAX_RANK
                    + " are read");
        }
        long[] dims = new long[t.getDimsCount()];
        long size = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = t.getDims(i);
            if (dims[i] < 0) {
                throw new OnnxFormatException(what + " has the negative dimension " + dims[i]);
            }
            if (dims[i] > 0 && size > budget / dims[i]) {
                throw new OnnxFormatException(what + " declares more values than the " + budget
                        + " the model limits leave (ModelLimits.maxParameters)");
            }
            size *= dims[i];
        }
        int type = t.getDataType();
        if (type == TensorProto.DataType.FLOAT_VALUE) {
            return new Data(dims, floats(t, what, (int) size), null);
        }
        if (type == TensorProto.DataType.INT64_VALUE) {
            return new Data(dims, null, longs(t, what, (int) size));
        }
        throw new OnnxFormatException(what + " holds " + typeName(type) + " values; import reads float32 weights and"
                + " int64 shapes");
    }

    private static float[] floats(TensorProto t, String what, int size) throws OnnxFormatException {
        if (!t.getRawData().isEmpty()) {
            requireLength(what, (long) t.getRawData().size(), (long) size * Float.BYTES);
            float[] out = new float[size];
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }
        requireLength(what, t.getFloatDataCount(), size);
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = t.getFloatData(i);
        }
        return out;
    }

    private static long[] longs(TensorProto t, String what, int size) throws OnnxFormatException {
        if (!t.getRawData().isEmpty()) {
            requireLength(what, (long) t.getRawData().size(), (long) size * Long.BYTES);
            long[] out = new long[size];
            ByteBuffer bytes = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            bytes.asLongBuffer().get(out);
            return out;
        }
        requireLength(what, t.getInt64DataCount(), size);
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = t.getInt64Data(i);
        }
        return out;
    }

    private static void requireLength(String what, long actual, long expected) throws OnnxFormatException {
        if (actual != expected) {
            throw new OnnxFormatException(what + " holds " + actual + " data elements where its dimensions need "
                    + expected + "; the file is damaged or cut short");
        }
    }

    private static String typeName(int type) {
        TensorProto.DataType t = TensorProto.DataType.forNumber(type);
        return t == null ? "type " + type : t.name().toLowerCase(java.util.Locale.ROOT);
    }
}
