package dev.cnn.api.eval;

/**
 * How a row of class scores answers, by the one rule every metric uses: an image is classified as {@code c} only when
 * {@code c} has the unique highest score. Ties and non-finite scores never count as right.
 */
public final class ScoreRows {
    /** What {@link #winner} returns when no class has the unique highest score. */
    public static final int NO_WINNER = -1;

    private ScoreRows() {
    }

    /** The class with the unique highest of {@code count} scores starting at {@code offset}, or {@link #NO_WINNER}. */
    public static int winner(float[] scores, int offset, int count) {
        int best = 0;
        boolean tied = false;
        for (int c = 1; c < count; c++) {
            float s = scores[offset + c];
            float top = scores[offset + best];
            if (s > top) {
                best = c;
                tied = false;
            } else if (s == top) {
                tied = true;
            }
        }
        return tied || !Float.isFinite(scores[offset + best]) ? NO_WINNER : best;
    }

    /**
     * How many classes other than {@code label} score at least as high as it: 0 exactly when {@code label} is the unique
     * winner. A non-finite score of the label counts every other class as above it.
     */
    public static int labelRank(float[] scores, int offset, int count, int label) {
        float own = scores[offset + label];
        if (!Float.isFinite(own)) {
            return count - 1;
        }
        int atLeast = 0;
        for (int c = 0; c < count; c++) {
            if (c != label && scores[offset + c] >= own) {
                atLeast++;
            }
        }
        return atLeast;
    }

    /** How many rows of {@code width} scores hold a NaN or an infinity. */
    public static long nonFiniteRows(float[] scores, int width) {
        long rows = 0;
        for (int offset = 0; offset + width <= scores.length; offset += width) {
            if (!allFinite(scores, offset, width)) {
                rows++;
            }
        }
        return rows;
    }

    /** Whether all {@code count} scores starting at {@code offset} are finite numbers. */
    public static boolean allFinite(float[] scores, int offset, int count) {
        for (int c = 0; c < count; c++) {
            if (!Float.isFinite(scores[offset + c])) {
                return false;
            }
        }
        return true;
    }
}
