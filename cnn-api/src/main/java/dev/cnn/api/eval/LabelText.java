package dev.cnn.api.eval;

import java.util.List;

/**
 * Class and tag names as the text reports show them (predictions, per-class and per-tag tables, confusion tables): each
 * control character replaced by {@code ?}, so that a name read from a file (a model's class names, a dataset's folder
 * names or tags) can neither break a report's lines nor move, recolour or retitle a terminal. Control characters are
 * the C0 controls (tab, line feed and carriage return among them), DEL, the C1 controls, and the Unicode
 * bidirectional overrides and isolates, which reorder the text around them.
 */
public final class LabelText {
    private LabelText() {
    }

    /** Whether {@code c} is a control character a terminal or a line of text would act on. */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /** {@code name} with each control character replaced by {@code ?}. */
    public static String shown(String name) {
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            if (isControl(name.charAt(i))) {
                out = out == null ? new StringBuilder(name) : out;
                out.setCharAt(i, '?');
            }
        }
        return out == null ? name : out.toString();
    }

    /** Each of {@code names} {@linkplain #shown(String) as shown}. */
    public static List<String> shown(List<String> names) {
        return names.stream().map(LabelText::shown).toList();
    }
}
