package dev.cnn.api.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void stepDecayHalvesEveryPeriod() {
        var s = new LearningRateSchedule.StepDecay(10, 0.5);
        assertEquals(1.0, s.factor(9));
        assertEquals(0.5, s.factor(10));
        assertEquals(0.25, s.factor(25));
    }

    @Test
    void cosineGoesFromOneToTheMinimum() {
        var s = new LearningRateSchedule.Cosine(100, 0.1);
        assertEquals(1.0, s.factor(0), 1e-12);
        assertEquals(0.55, s.factor(50), 1e-12);
        assertEquals(0.1, s.factor(100), 1e-12);
        assertEquals(0.1, s.factor(1000), 1e-12);
    }

    @Test
    void warmupRampsThenHandsOver() {
        var s = new LearningRateSchedule.Warmup(4, new LearningRateSchedule.StepDecay(2, 0.5));
        assertEquals(0.25, s.factor(0));
        assertEquals(1.0, s.factor(3));
        assertEquals(1.0, s.factor(5));
        assertEquals(0.5, s.factor(6));
    }

    @Test
    void optimizerConfigRoundTripsThroughJson() throws Exception {
        var config = OptimizerConfig.sgd(0.1, 0.9).withNesterov(true).withWeightDecay(5e-4)
                .withSchedule(new LearningRateSchedule.Warmup(100, new LearningRateSchedule.Cosine(1000, 0)));
        var mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(config);
        assertEquals(config, mapper.readValue(json, OptimizerConfig.class), json);
        assertEquals(0.1 * 0.5, config.learningRateAt(49), 1e-9);
    }

    @Test
    void badHyperParametersAreRejectedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adam(-1));
        assertEquals("learning rate must be a positive number, got -1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OptimizerTypes.byId("adagrad"));
    }
}
