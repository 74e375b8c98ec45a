package dev.cnn.cli;

import java.util.Locale;

/** Small text helpers shared by the commands. */
final class Messages {
    private Messages() {
    }

    /** The text with its line breaks and the indentation after them folded into single spaces. */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** A fraction as a percentage with two decimals, such as {@code 99.12%}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** A duration in seconds as {@code 0.4 s}, {@code 42 s} or {@code 3 min 05 s}. */
    static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
}
