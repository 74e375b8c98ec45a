package dev.cnn.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.cnn.api.model.ModelLimits;
import dev.cnn.onnx.proto.OnnxProto.ModelProto;
import dev.cnn.onnx.proto.OnnxProto.OperatorSetIdProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an ONNX file, refusing cheaply what cannot be a model we import: a file larger than the biggest model the
 * limits allow (its parameters as float32 plus {@value #BYTES_PER_NODE} bytes of structure per node) before reading it, bytes
 * that are not a whole protobuf message (a truncated file), an IR version below {@value #MIN_IR_VERSION}, and a
 * default-domain opset outside {@value #MIN_OPSET} to {@value #MAX_OPSET} or any other operator domain.
 */
final class OnnxFile {
    static final int MIN_IR_VERSION = 6;
    /** The oldest opset read. */
    static final int MIN_OPSET = 11;
    /** The newest opset the schema of ONNX 1.12 knows. */
    static final int MAX_OPSET = 17;
    static final long BYTES_PER_NODE = 4096;

    private OnnxFile() {
    }

    /** The parsed model of {@code file} and its default-domain opset. */
    record Parsed(ModelProto model, int opset) {
    }

    static Parsed read(Path file, ModelLimits limits) throws IOException {
        long most = Math.min(Integer.MAX_VALUE - 8L, limits.maxParameters() * Float.BYTES
                + limits.maxNodes() * BYTES_PER_NODE);
        long size = Files.size(file);
        if (size > most) {
            throw new OnnxFormatException(String.format(Locale.ROOT, "%s is %,d bytes, more than the %,d an ONNX model"
                    + " within the model limits can be (ModelLimits.maxParameters as float32 plus structure)", file,
                    size, most));
        }
        ModelProto model;
        try (InputStream in = Files.newInputStream(file)) {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setSizeLimit((int) most);
            model = ModelProto.parseFrom(coded);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxFormatException(file + " is not a whole ONNX model (truncated or not ONNX): "
                    + oneLine(e.getMessage()), e);
        }
        if (!model.hasGraph()) {
            throw new OnnxFormatException(file + " has no graph; it is not an ONNX model, or it was cut short");
        }
        if (model.getIrVersion() < MIN_IR_VERSION) {
            throw new OnnxFormatException(file + " has ONNX IR version " + model.getIrVersion() + "; import reads IR"
                    + " version " + MIN_IR_VERSION + " and later: convert it with a newer exporter");
        }
        int opset = -1;
        for (OperatorSetIdProto set : model.getOpsetImportList()) {
            if (set.getDomain().isEmpty() || set.getDomain().equals("ai.onnx")) {
                opset = (int) Math.min(Integer.MAX_VALUE, set.getVersion());
            } else if (usesDomain(model, set.getDomain())) {
                throw new OnnxFormatException(file + " uses operators of the domain '" + set.getDomain() + "'; import"
                        + " reads the standard ONNX operators only");
            }
        }
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new OnnxFormatException(file + (opset < 0 ? " imports no standard opset" : " uses opset " + opset)
                    + "; import reads opsets " + MIN_OPSET + " to " + MAX_OPSET + " (re-export with one of them,"
                    + " e.g. torch.onnx.export(..., opset_version=13))");
        }
        return new Parsed(model, opset);
    }

    private static boolean usesDomain(ModelProto model, String domain) {
        return model.getGraph().getNodeList().stream().anyMatch(n -> n.getDomain().equals(domain));
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
