package dev.cnn.api.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnn.api.model.ModelLimits;
import org.junit.jupiter.api.Test;

class TrainingPlanTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theAugmentationRoundTripsAndAnOlderPlanReadsAsNone() throws Exception {
        TrainingPlan plan = new TrainingPlan(3, 64, 1, 0.1, 2, "shapes", 100, "crop=4,flip");
        assertEquals(plan, mapper.readValue(mapper.writeValueAsString(plan), TrainingPlan.class));
        TrainingPlan older = mapper.readValue("{\"epochs\":3,\"batchSize\":64,\"seed\":1,\"validationSplit\":0.0,"
                + "\"augmentShift\":2,\"dataset\":\"mnist\",\"trainingImages\":60000}", TrainingPlan.class);
        assertEquals("none", older.augmentation());
        assertEquals(new TrainingPlan(3, 64, 1, 0, 2, "mnist", 60000), older);
        assertEquals("crop=4,flip", plan.withEpochs(5).augmentation());
    }

    @Test
    void theDatasetFingerprintRoundTripsAndAnOlderPlanHasNone() throws Exception {
        TrainingPlan plan = new TrainingPlan(3, 64, 1, 0, 0, "mnist", 60000, "none", "0123456789abcdef");
        assertEquals(plan, mapper.readValue(mapper.writeValueAsString(plan), TrainingPlan.class));
        assertEquals("0123456789abcdef", plan.withEpochs(5).datasetFingerprint());
        TrainingPlan older = new TrainingPlan(3, 64, 1, 0, 0, "mnist", 60000);
        assertNull(older.datasetFingerprint());
        assertEquals(plan, older.withDatasetFingerprint("0123456789abcdef"));
        assertThrows(IllegalArgumentException.class, () -> older.withDatasetFingerprint("not hex"));
    }

    @Test
    void numbersBeyondTheLimitsAreRefused() {
        IllegalArgumentException epochs = assertThrows(IllegalArgumentException.class,
                () -> new TrainingPlan(Integer.MAX_VALUE, 64, 1, 0, 0, "mnist", 60000));
        assertEquals("the training plan has 2147483647 epochs, more than the 100000 allowed (ModelLimits.MAX_EPOCHS)",
                epochs.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TrainingPlan(3, 2_000_000_000, 1, 0, 0, "mnist", 60000)).getMessage()
                .contains("batches of 2000000000 images, more than the 65536 allowed"));
        assertThrows(IllegalArgumentException.class, () -> new TrainingPlan(3, 64, 1, 0, 100_000, "mnist", 60000));
        assertThrows(IllegalArgumentException.class, () -> new TrainingPlan(3, 64, 1, 0, 0, "x".repeat(5000), 60000));
        assertEquals(ModelLimits.MAX_EPOCHS, new TrainingPlan(ModelLimits.MAX_EPOCHS, ModelLimits.MAX_BATCH_SIZE, 1, 0,
                ModelLimits.MAX_AUGMENT_SHIFT, "mnist", 60000).epochs());
    }
}
