package dev.cnn.onnx;

import java.io.IOException;

/**
 * An ONNX file that cannot be imported: damaged, too large, beyond what the format allows, or using an operator or
 * attribute value our layers cannot express. The message is one line naming the file, and for a node its operator,
 * its name and what is supported.
 */
public class OnnxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An exception with a one-line message. */
    public OnnxFormatException(String message) {
        super(message);
    }

    /** An exception with a one-line message and what caused it. */
    public OnnxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
