package dev.cnn.api.model;

/**
 * How raw pixels in {@code [0, 1]} become network inputs: {@code (x - mean) / std}. Saved with a
 * model so that prediction prepares images exactly as training did.
 *
 * @param mean subtracted from every pixel
 * @param std  every pixel is divided by it; positive
 */
public record Preprocessing(double mean, double std) {

    /** Checks that std is positive. */
    public Preprocessing {
        if (!(std > 0) || Double.isNaN(mean)) {
            throw new IllegalArgumentException("preprocessing needs a number mean and a positive std, got " + mean + " and " + std);
        }
    }

    /** Pixels used as they are. */
    public static Preprocessing identity() {
        return new Preprocessing(0, 1);
    }

    /**
     * Applies the mapping to a copy of {@code pixels}. This is the one place pixels become inputs: training data
     * ({@link dev.cnn.api.data.Dataset#normalized}), evaluation and prediction all go through it, so a model sees the
     * very same numbers in each.
     */
    public float[] apply(float[] pixels) {
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((pixels[i] - mean) / std);
        }
        return out;
    }

    /** Undoes the mapping in place: inputs back to pixels, as augmentation that works on pixels needs. */
    public void invertInPlace(float[] inputs) {
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) (inputs[i] * std + mean);
        }
    }

    /** Applies the mapping in place. */
    public void applyInPlace(float[] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) ((pixels[i] - mean) / std);
        }
    }
}
