package dev.cnn.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResidualNetTest {
    @Test
    void buildsTwoResidualBlocksAndLearns() throws Exception {
        String out = ProgramOutput.of(() -> ResidualNet.main(new String[] {"3000", "1"}));
        assertTrue(out.contains("block2_sum"), "the summary lists the Add nodes: " + out);
        double accuracy = ProgramOutput.percentAfter(out, "test accuracy of the residual net:");
        assertTrue(accuracy > 70, "far above chance (10%) after 3,000 images, got " + accuracy);
    }
}
