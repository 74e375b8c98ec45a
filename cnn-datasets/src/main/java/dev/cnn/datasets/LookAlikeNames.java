package dev.cnn.datasets;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Names that are different strings but the same text: they differ only in how Unicode encodes it, such as
 * {@code café} with one character {@code é} (NFC, as most systems write it) and with {@code e} and a combining accent
 * (NFD, as macOS names files). They show the same everywhere, so as two classes or two tags they could not be told
 * apart.
 */
final class LookAlikeNames {
    private LookAlikeNames() {
    }

    /** The first two of {@code names}, in their order, that are the same text in NFC; null when there are none. */
    static String[] firstPair(Collection<String> names) {
        Map<String, String> byText = new HashMap<>();
        for (String name : names) {
            String other = byText.putIfAbsent(Normalizer.normalize(name, Normalizer.Form.NFC), name);
            if (other != null && !other.equals(name)) {
                return new String[] {other, name};
            }
        }
        return null;
    }
}
