package dev.cnn.onnx;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.model.Model;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Models in and out of ONNX: {@link #export} writes a {@link Model} as a standard ONNX file (see {@link OnnxExport}),
 * {@link #importModel} reads one, such as PyTorch's {@code torch.onnx.export} writes (see {@link OnnxImport}).
 * {@link Model#exportOnnx} and {@link Model#importOnnx} make the same calls, finding this module through
 * {@link OnnxFormatProvider}, so that {@code cnn-api} stays free of protobuf. Needs no native code.
 */
public final class Onnx {
    private Onnx() {
    }

    /**
     * Writes {@code model} to {@code file} as ONNX, atomically (a temporary file beside it, renamed into place).
     *
     * @throws OnnxExportException when a layer has no ONNX form; the message names its node
     */
    public static void export(Model model, Path file) throws IOException {
        byte[] bytes = OnnxExport.toProto(model).toByteArray();
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, absolute.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(bytes);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads the ONNX file {@code file} as a model on {@code backend}, within the default model limits.
     *
     * @throws OnnxFormatException when the file is damaged, too large, or uses an operator or attribute value our layers
     *                             cannot express; the message names it, the node, and what is supported
     */
    public static Model importModel(Path file, Backend backend) throws IOException {
        return OnnxImport.read(file, backend);
    }
}
