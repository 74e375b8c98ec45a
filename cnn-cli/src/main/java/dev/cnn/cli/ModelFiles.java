package dev.cnn.cli;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.model.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Loads model files named on the command line and names the files written beside them. */
final class ModelFiles {
    private ModelFiles() {
    }

    /** The model in {@code file}, on {@code backend}; a missing, unreadable or damaged file fails with one line. */
    static Model load(Path file, Backend backend) throws IOException {
        return loadWithState(file, backend).model();
    }

    /** The model in {@code file} with its optimizer state, if it holds one. */
    static Model.Loaded loadWithState(Path file, Backend backend) throws IOException {
        if (!Files.exists(file)) {
            throw new CliFailure("model file " + file + " does not exist; train one with ./cnn train --model PRESET"
                    + " --dataset NAME --out " + file);
        }
        if (Files.isDirectory(file)) {
            throw new CliFailure(file + " is a directory, not a model file");
        }
        if (!Files.isReadable(file)) {
            throw new CliFailure("cannot read model file " + file + ": permission denied");
        }
        Model.Loaded loaded = Model.loadWithState(file, backend);
        LoggerFactory.getLogger(ModelFiles.class).debug("loaded {}: input {}, heads {}, {}", file,
                loaded.model().inputShape(), loaded.model().heads(), loaded.model().preprocessing());
        return loaded;
    }

    /** A file next to {@code modelFile} named after it: {@code runs/a.cnn} and {@code -training.png} give {@code runs/a-training.png}. */
    static Path sibling(Path modelFile, String suffix) {
        String name = modelFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return modelFile.resolveSibling(base + suffix);
    }

    /**
     * Fails now, before any training, when a model file cannot be written at {@code file}: its directory cannot be made
     * or written to, or the path is a directory.
     */
    static void checkWritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new CliFailure(file + " is a directory; give --out the path of a model file, such as " + file.resolve("model.cnn"));
        }
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(Files.createTempFile(dir, ".cnn-write-check", ".tmp"));
        } catch (IOException e) {
            throw new CliFailure("cannot write the model file " + file + " (" + FailureHandler.describe(e)
                    + "); choose another --out, in a directory you can write to");
        }
    }
}
