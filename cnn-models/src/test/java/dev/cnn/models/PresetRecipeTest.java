package dev.cnn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.optim.LearningRateSchedule;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.optim.Sgd;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.train.TrainingRecipe;
import org.junit.jupiter.api.Test;

/** The presets that carry a recipe: under 1M parameters, and a recipe that makes its optimizer. */
class PresetRecipeTest {

    @Test
    void mnistBestAndFashionBestCarryRecipesAndStayUnderAMillionParameters() {
        for (Preset preset : new Preset[] {Preset.MNIST_BEST, Preset.FASHION_BEST}) {
            TrainingRecipe recipe = preset.recipe().orElseThrow();
            long parameters = preset.build(Shape.of(1, 28, 28), 10, Backends.select("cpu"), 1).parameters().values()
                    .stream().filter(p -> p.trainable()).mapToLong(p -> p.shape().size()).sum();
            assertTrue(parameters < 1_000_000, preset.id() + " has " + parameters + " parameters");
            OptimizerConfig config = recipe.optimizer(469L * recipe.epochs(), 469);
            Sgd sgd = (Sgd) config;
            assertTrue(sgd.nesterov() && sgd.decoupledWeightDecay() && sgd.momentum() == 0.9, sgd.toString());
            assertEquals(LearningRateSchedule.OneCycle.of(469L * recipe.epochs()), sgd.schedule());
            assertTrue(recipe.weightAverage() > 0 && recipe.labelSmoothing() > 0, recipe.describe());
        }
        assertTrue(Preset.FASHION_BEST.recipe().orElseThrow().augmentation().contains("flip"));
        assertTrue(!Preset.MNIST_BEST.recipe().orElseThrow().augmentation().contains("flip"), "digits do not flip");
        assertTrue(Preset.VGG_SMALL.recipe().isEmpty(), "the other presets train with the defaults");
    }

    @Test
    void givenSettingsOverrideTheRecipeAndTheDefaultsFillTheRest() {
        TrainingRecipe given = new TrainingRecipe(1, null, null, 0.01, null, null, null, null, null, null, null, null,
                null, null, null, null);
        TrainingRecipe used = given.over(Preset.MNIST_BEST.recipe().orElseThrow()).complete();
        assertEquals(1, used.epochs());
        assertEquals(0.01, used.learningRate());
        assertEquals(128, used.batchSize());
        assertEquals("sgd", used.optimizer());
        assertEquals(0.0, used.validationSplit(), "left to the defaults");
        assertEquals(TrainingRecipe.DEFAULTS, TrainingRecipe.EMPTY.complete());
    }

    @Test
    void aRecipeSaysInWordsOnlyWhatItGives() {
        assertEquals("nothing", TrainingRecipe.EMPTY.describe());
        assertEquals("1 epoch, learning rate 0.01", new TrainingRecipe(1, null, null, 0.01, null, null, null, null, null,
                null, null, null, null, null, null, null).describe());
        assertTrue(TrainingRecipe.DEFAULTS.describe().startsWith("3 epochs, batches of 64, adam, learning rate 0.001,"
                + " cosine schedule"), TrainingRecipe.DEFAULTS.describe());
    }
}
