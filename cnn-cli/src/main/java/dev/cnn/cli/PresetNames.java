package dev.cnn.cli;

import dev.cnn.models.Preset;
import java.util.Arrays;
import java.util.Iterator;

/** The ids of the model presets, for help texts. */
final class PresetNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Preset.values()).map(Preset::id).iterator();
    }
}
