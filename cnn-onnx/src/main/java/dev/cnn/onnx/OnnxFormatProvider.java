package dev.cnn.onnx;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.ModelFormatProvider;
import dev.cnn.api.model.ModelLimits;
import java.io.IOException;
import java.nio.file.Path;

/** ONNX as a model format of {@code cnn-api}: what {@link Model#exportOnnx} and {@link Model#importOnnx} find. */
public final class OnnxFormatProvider implements ModelFormatProvider {

    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public void write(Model model, Path file) throws IOException {
        Onnx.export(model, file);
    }

    @Override
    public Model read(Path file, Backend backend, ModelLimits limits) throws IOException {
        return OnnxImport.read(file, backend, limits);
    }
}
