package dev.cnn.api.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
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
}
