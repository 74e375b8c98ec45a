package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.io.ModelArchive;
import dev.cnn.api.io.ModelArchiveContents;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingPlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint's optimizer state is whole or it is not taken for one: no run goes on with fresh state by accident. */
class OptimizerStateTest {
    private final Backend cpu = Backends.select("cpu");
    private final Dataset data = Stripes.make(40, 2);

    @TempDir
    Path dir;

    private Model model() {
        return new Model(TrainerTest.smallConvNet(cpu, 3), Loss.SOFTMAX_CROSS_ENTROPY, data.classNames(),
                Normalization.identity());
    }

    private Optimizer trainedOneEpoch(Model model) {
        Optimizer adam = new Optimizer(OptimizerConfig.adam(0.01), model.network().parameters());
        Trainer.builder().setNetwork(model.network()).setHeads(model.heads()).optOptimizer(adam).optEpochs(1)
                .optBatchSize(8).optSeed(1).build().fit(data, null);
        return adam;
    }

    @Test
    void afterAnUpdateEveryTrainableParameterHasItsStateAndNoneMayBeMissing() {
        Model model = model();
        Optimizer adam = trainedOneEpoch(model);
        Map<String, float[]> state = adam.exportState();
        long trainable = model.network().parameters().values().stream().filter(p -> p.trainable()).count();
        assertEquals(2 * trainable, state.size(), state.keySet().toString());

        Optimizer fresh = new Optimizer(OptimizerConfig.adam(0.01), model.network().parameters());
        Map<String, float[]> partial = new LinkedHashMap<>(state);
        String dropped = partial.keySet().iterator().next();
        partial.remove(dropped);
        assertEquals(java.util.Optional.of(dropped), fresh.missingState(adam.step(), partial));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fresh.restoreState(adam.step(), partial));
        assertTrue(e.getMessage().contains("'" + dropped + "' is missing after " + adam.step() + " updates"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fresh.restoreState(-1, state));
        Map<String, float[]> extra = new LinkedHashMap<>(state);
        extra.put("nowhere#m", new float[1]);
        assertThrows(IllegalArgumentException.class, () -> fresh.restoreState(adam.step(), extra));
        fresh.restoreState(0, Map.of());
        fresh.restoreState(adam.step(), state);
        assertEquals(adam.step(), fresh.step());
    }

    @Test
    void aCheckpointWithoutItsStateLoadsAsWeightsWithoutAnOptimizerAndCannotBeResumed() throws Exception {
        Model model = model();
        Optimizer adam = trainedOneEpoch(model);
        Path file = dir.resolve("run.cnn");
        model.save(file, adam, new TrainingPlan(2, 8, 1, 0, 0, "stripes", 40));
        assertNotNull(Model.loadWithState(file, cpu).optimizer());

        ModelArchiveContents contents = ModelArchive.read(file);
        Path stateless = dir.resolve("stateless.cnn");
        ModelArchive.write(stateless, new ModelArchiveContents(contents.modelJson(), contents.parameters(), List.of()));
        Model.Loaded loaded = Model.loadWithState(stateless, cpu);
        assertNull(loaded.optimizer(), "no optimizer rather than a fresh one");
        assertNotNull(loaded.plan());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.resume(loaded, stateless.toString()));
        assertTrue(e.getMessage().contains("is not a whole checkpoint"), e.getMessage());

        Path negative = dir.resolve("negative.cnn");
        ModelArchive.write(negative, new ModelArchiveContents(contents.modelJson().replaceFirst(
                "\"optimizerSteps\"\\s*:\\s*\\d+", "\"optimizerSteps\":-3"), contents.parameters(), contents.optimizerState()));
        assertThrows(ModelFormatException.class, () -> Model.loadWithState(negative, cpu));
    }
}
