package dev.cnn.onnx;

/**
 * A model that cannot be written as ONNX, for example because one of its layers (a third party's) has no ONNX form.
 * The message is one line that names the node and says what does export.
 */
public class OnnxExportException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An exception with a one-line message. */
    public OnnxExportException(String message) {
        super(message);
    }
}
