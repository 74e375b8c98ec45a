package dev.cnn.api.io;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a model file holds.
 *
 * @param modelJson      the model description (architecture, input shape, class names, ...), stored as given
 * @param parameters     the trained parameters, names unique
 * @param optimizerState the optimizer's state, names unique; empty when not saved
 */
public record ModelArchiveContents(String modelJson, List<NamedArray> parameters, List<NamedArray> optimizerState) {
    /** Copies the lists and checks that names are unique within each. */
    public ModelArchiveContents {
        Objects.requireNonNull(modelJson, "modelJson");
        parameters = List.copyOf(parameters);
        optimizerState = List.copyOf(optimizerState);
        requireUniqueNames(parameters, "parameter");
        requireUniqueNames(optimizerState, "optimizer state");
    }

    /** Contents without optimizer state. */
    public ModelArchiveContents(String modelJson, List<NamedArray> parameters) {
        this(modelJson, parameters, List.of());
    }

    private static void requireUniqueNames(List<NamedArray> arrays, String kind) {
        Set<String> seen = new HashSet<>();
        for (NamedArray a : arrays) {
            if (!seen.add(a.name())) {
                throw new IllegalArgumentException("duplicate " + kind + " name '" + a.name() + "'");
            }
        }
    }
}
