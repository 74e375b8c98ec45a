package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backends;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Head;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.FlatParameters;
import dev.cnn.api.train.LearningRateFinder;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateFinderTest {
    @Test
    void theSweepGrowsTheRateFindsAWorkingOneAndPutsTheWeightsBack() {
        Sequential network = TrainerTest.smallConvNet(Backends.select("cpu"), 1);
        float[] before = new FlatParameters(network.parameters()).values();
        List<Head> heads = List.of(Head.of(network.outputNames().get(0), Loss.SOFTMAX_CROSS_ENTROPY, List.of()));
        LearningRateFinder.Result result = LearningRateFinder.find(network, heads, OptimizerConfig.sgd(1e-5, 0.9),
                Stripes.make(300, 2), 16, 10, 100, 3);
        assertArrayEquals(before, new FlatParameters(network.parameters()).values(), 0f, "the weights are put back");
        List<LearningRateFinder.Point> points = result.points();
        assertEquals(1e-5, points.get(0).learningRate(), 1e-12);
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).learningRate() > points.get(i - 1).learningRate());
        }
        assertTrue(points.size() < 100, "SGD with momentum diverges before a rate of 10: " + points.size() + " points");
        double lowest = points.stream().mapToDouble(LearningRateFinder.Point::loss).min().orElseThrow();
        assertTrue(lowest < points.get(0).loss() * 0.7, "the loss fell somewhere in the sweep");
        assertTrue(result.suggested() > 1e-4 && result.suggested() < 1, "suggested " + result.suggested());
    }
}
