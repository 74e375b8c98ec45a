package dev.cnn.api.train;

import java.util.Map;

/**
 * What one batch's forward and backward pass measured.
 *
 * @param loss       the weighted sum of the heads' mean losses; NaN or infinite when training diverged
 * @param headLosses each head's mean loss, by head name
 * @param images     the images in the batch
 * @param correct    how many of them the first class head got right (its class the unique highest score); 0 without
 *                   a class head
 */
public record StepResult(double loss, Map<String, Double> headLosses, int images, int correct) {
    /** Copies the map. */
    public StepResult {
        headLosses = Map.copyOf(headLosses);
    }

    /** Whether the loss is a finite number, so that applying the gradients makes sense. */
    public boolean finite() {
        return Double.isFinite(loss);
    }
}
