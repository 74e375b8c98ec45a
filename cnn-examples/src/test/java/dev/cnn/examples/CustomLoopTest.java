package dev.cnn.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CustomLoopTest {
    @Test
    void theStepApiTrainsWithClippedGradients() throws Exception {
        String out = ProgramOutput.of(() -> CustomLoop.main(new String[] {"5000", "300"}));
        assertTrue(out.contains("step 300: loss"), out);
        assertTrue(out.matches("(?s).*clipped the gradients of [0-9]+ of 300 steps.*"), out);
        double accuracy = ProgramOutput.percentAfter(out, "test accuracy after 300 steps:");
        assertTrue(accuracy > 85, "got " + accuracy);
    }
}
