package dev.cnn.api.model;

import dev.cnn.api.backend.Backend;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@link java.util.ServiceLoader} service that writes and reads models in another file format, so that
 * {@link Model#exportOnnx} and {@link Model#importOnnx} work when a module such as {@code cnn-onnx} is on the
 * classpath, without {@code cnn-api} depending on it. A provider is listed in
 * {@code META-INF/services/dev.cnn.api.model.ModelFormatProvider}.
 */
public interface ModelFormatProvider {

    /** The format's name, lower case, such as {@code "onnx"}. */
    String name();

    /** Writes {@code model} to {@code file} in this format. */
    void write(Model model, Path file) throws IOException;

    /** Reads a model in this format from {@code file} onto {@code backend}, refusing what passes {@code limits}. */
    Model read(Path file, Backend backend, ModelLimits limits) throws IOException;
}
