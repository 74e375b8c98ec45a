package dev.cnn.cli;

import java.util.ArrayList;
import java.util.List;

/** Parses image indices written as {@code 3}, {@code 0..9} or {@code 1,5,20..24}. */
final class IndexList {
    /** More indices than this in one command are refused. */
    static final int MAX_COUNT = 10_000;

    private IndexList() {
    }

    /** The indices in the order written; throws {@link IllegalArgumentException} with what is wrong. */
    static List<Integer> parse(String text) {
        List<Integer> indices = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int dots = p.indexOf("..");
            try {
                if (dots < 0) {
                    indices.add(nonNegative(Integer.parseInt(p)));
                } else {
                    int from = nonNegative(Integer.parseInt(p.substring(0, dots).trim()));
                    int to = nonNegative(Integer.parseInt(p.substring(dots + 2).trim()));
                    if (to < from || indices.size() + (long) to - from + 1 > MAX_COUNT) {
                        throw new IllegalArgumentException("'" + p + "' is not a range FROM..TO of at most " + MAX_COUNT
                                + " indices");
                    }
                    for (int i = from; i <= to; i++) {
                        indices.add(i);
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not an index; write 3, 0..9 or 1,5,7");
            }
        }
        if (indices.size() > MAX_COUNT) {
            throw new IllegalArgumentException("at most " + MAX_COUNT + " indices at a time");
        }
        return indices;
    }

    private static int nonNegative(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("indices start at 0, got " + value);
        }
        return value;
    }
}
