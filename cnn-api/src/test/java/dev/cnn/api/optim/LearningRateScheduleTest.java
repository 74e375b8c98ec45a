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

    @Test
    void oneCycleRisesToThePeakThenFallsFarBelowTheStart() {
        var s = LearningRateSchedule.OneCycle.of(100);
        assertEquals(30, s.peakStep());
        assertEquals(1 / 25.0, s.factor(0), 1e-12);
        assertEquals(1.0, s.factor(30), 1e-12);
        assertEquals((1 + 1 / 25.0) / 2, s.factor(15), 1e-12);
        assertEquals(1 / 25.0 / 1e4, s.factor(99), 1e-15);
        assertEquals(1 / 25.0 / 1e4, s.factor(500), 1e-15);
        for (long step = 1; step <= 30; step++) {
            org.junit.jupiter.api.Assertions.assertTrue(s.factor(step) > s.factor(step - 1), "rises at " + step);
        }
        for (long step = 31; step < 100; step++) {
            org.junit.jupiter.api.Assertions.assertTrue(s.factor(step) < s.factor(step - 1), "falls at " + step);
        }
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule.OneCycle(100, 1, 25, 1e4));
    }

    @Test
    void aRunScheduleIsResolvedFromItsNameAndLengthWithAnOptionalWarmUp() throws Exception {
        assertEquals(new LearningRateSchedule.Cosine(1000, 0), LearningRateSchedule.forRun("cosine", 0, 1000, 100));
        assertEquals(new LearningRateSchedule.Warmup(200, new LearningRateSchedule.Cosine(800, 0)),
                LearningRateSchedule.forRun("cosine", 200, 1000, 100));
        assertEquals(new LearningRateSchedule.StepDecay(100, 0.5), LearningRateSchedule.forRun("step", 0, 1000, 100));
        assertEquals(LearningRateSchedule.OneCycle.of(1000), LearningRateSchedule.forRun("one-cycle", 0, 1000, 100));
        var warm = LearningRateSchedule.forRun("constant", 10, 1000, 100);
        assertEquals(0.1, warm.factor(0), 1e-12);
        assertEquals(0.5, warm.factor(4), 1e-12);
        assertEquals(1.0, warm.factor(9), 1e-12);
        assertEquals(1.0, warm.factor(500), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.forRun("cosine", 1000, 1000, 100));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.forRun("linear", 0, 1000, 100));
        ObjectMapper mapper = new ObjectMapper();
        LearningRateSchedule cycle = LearningRateSchedule.forRun("one-cycle", 50, 1000, 100);
        String json = mapper.writeValueAsString(cycle);
        assertEquals(cycle, mapper.readValue(json, LearningRateSchedule.class), json);
    }
}
