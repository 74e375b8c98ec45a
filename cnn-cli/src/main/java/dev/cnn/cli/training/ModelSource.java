package dev.cnn.cli.training;

import dev.cnn.api.model.Model;
import dev.cnn.models.Preset;
import java.nio.file.Path;

/** Where the network of a training run comes from. */
public sealed interface ModelSource {

    /**
     * A new network of a preset's architecture, with freshly initialised weights.
     *
     * @param preset the architecture
     */
    record Fresh(Preset preset) implements ModelSource {
    }

    /**
     * A new run that starts from the architecture, weights and normalisation of a saved model, with a fresh optimizer.
     *
     * @param model the saved model
     * @param file  where it was read from, for messages
     */
    record InitializedFrom(Model model, Path file) implements ModelSource {
    }

    /**
     * The continuation of the run a checkpoint belongs to, with its optimizer state and plan.
     *
     * @param checkpoint the model, optimizer and plan read from the checkpoint
     * @param file       where it was read from, for messages
     */
    record Resumed(Model.Loaded checkpoint, Path file) implements ModelSource {
    }
}
