package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.io.ModelArchive;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.train.TrainingRecipe;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recipe a model was trained with travels in its file; a file without one reads as before. */
class RecipeInModelFileTest {
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;

    private Model model() {
        return new Model(TrainerTest.smallConvNet(cpu, 3), Loss.SOFTMAX_CROSS_ENTROPY, List.of("a", "b", "c"),
                Normalization.identity());
    }

    private static String modelJson(Path file) throws Exception {
        try (var archive = ModelArchive.open(file, dev.cnn.api.io.ModelArchiveLimits.DEFAULT)) {
            return archive.modelJson();
        }
    }

    @Test
    void theRecipeIsSavedAndReadBackAndKeptThroughAHeadChange() throws Exception {
        TrainingRecipe recipe = new TrainingRecipe(15, 128, "sgd", 0.05, 0.9, true, 5e-4, "one-cycle", 1, 0,
                "crop=2,erase=0.5", 0.1, 0.999, 0.1, 3, true);
        Path file = dir.resolve("recipe.cnn");
        Model model = model().withRecipe(recipe);
        model.withHead(model.heads().get(0)).save(file);
        Model loaded = Model.load(file, cpu);
        assertEquals(recipe, loaded.recipe());
        String json = modelJson(file);
        assertTrue(json.contains("\"recipe\":{\"epochs\":15"), json);
    }

    @Test
    void aModelWithoutARecipeWritesNoneAndReadsNone() throws Exception {
        Path file = dir.resolve("plain.cnn");
        model().save(file);
        String json = modelJson(file);
        assertFalse(json.contains("recipe") || json.contains("weightAverage"), json);
        assertNull(Model.load(file, cpu).recipe());
    }
}
