package dev.cnn.models;

import dev.cnn.api.train.TrainingRecipe;
import java.util.Optional;

/**
 * The training recipes of the presets that carry one ({@link Preset#recipe()}): SGD with Nesterov momentum and
 * decoupled weight decay on a one-cycle schedule, label smoothing, a moving average of the weights, and augmentation
 * suited to the dataset (no flips for digits; flips and random erasing for clothes). The epochs are sized for the time
 * limits of issue 21 on a 2-core machine (about 30 minutes for MNIST, 90 for Fashion-MNIST, on the default backend);
 * the recipes are the published small-model practice put together, not yet tuned by full runs here.
 */
final class PresetRecipes {
    private PresetRecipes() {
    }

    /** For MNIST digits: small shifts, rotations and scaling, no flips; 15 epochs. */
    static final TrainingRecipe MNIST_BEST = new TrainingRecipe(15, 128, "sgd", 0.05, 0.9, true, 5e-4, "one-cycle", 0,
            0, "crop=2,rotate=10,scale=0.1", 0.1, 0.999, null, null, null);

    /** For Fashion-MNIST clothes: shifts, flips and random erasing; 30 epochs. */
    static final TrainingRecipe FASHION_BEST = new TrainingRecipe(30, 128, "sgd", 0.05, 0.9, true, 5e-4, "one-cycle", 0,
            0, "crop=2,flip,erase=0.5", 0.1, 0.999, null, null, null);

    /** The recipe of {@code preset}, if it has one. */
    static Optional<TrainingRecipe> of(Preset preset) {
        return switch (preset) {
            case MNIST_BEST -> Optional.of(MNIST_BEST);
            case FASHION_BEST -> Optional.of(FASHION_BEST);
            default -> Optional.empty();
        };
    }
}
