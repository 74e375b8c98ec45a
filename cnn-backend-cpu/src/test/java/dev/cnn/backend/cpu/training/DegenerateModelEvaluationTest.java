package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Evaluation;
import dev.cnn.api.eval.Evaluator;
import dev.cnn.api.eval.NonFiniteOutputException;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.Sequential;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Evaluation of broken models, whose right answers are worked out by hand: none of them may score well. */
class DegenerateModelEvaluationTest {
    private final Backend cpu = Backends.select("cpu");
    private final Dataset data = Stripes.make(90, 4);

    private Layer lastLayer(Sequential network) {
        return network.layers().get(network.layers().size() - 1);
    }

    private void fill(Parameter p, float value) {
        float[] values = new float[p.shape().size()];
        Arrays.fill(values, value);
        p.setValue(cpu.tensor(values, p.shape()));
    }

    @Test
    void aConstantOutputScoresZeroNotHundredPercent() {
        Sequential network = TrainerTest.smallConvNet(cpu, 1);
        lastLayer(network).parameters().forEach(p -> fill(p, 0f));
        Evaluation e = Evaluator.evaluate(network, Loss.SOFTMAX_CROSS_ENTROPY, data, 32);
        assertEquals(0.0, e.accuracy(), "every class ties, so no image has its class as the unique top score");
        assertEquals(0.0, e.topKAccuracy(2));
        assertEquals(1.0, e.topKAccuracy(3), "with 3 classes every label is within the top 3");
        assertEquals(90, e.undecided());
        assertEquals(Math.log(3), e.loss(), 1e-5, "uniform probabilities over 3 classes");
    }

    @Test
    void aModelThatAlwaysSaysOneClassScoresThatClassesShare() {
        Sequential network = TrainerTest.smallConvNet(cpu, 1);
        Layer last = lastLayer(network);
        fill(last.parameters().get(0), 0f);
        Parameter bias = last.parameters().get(1);
        bias.setValue(cpu.tensor(new float[] {0f, 5f, 0f}, bias.shape()));
        long verticals = Arrays.stream(data.labels()).filter(l -> l == 1).count();
        Evaluation e = Evaluator.evaluate(network, Loss.SOFTMAX_CROSS_ENTROPY, data, 32);
        assertEquals((double) verticals / 90, e.accuracy(), 1e-12);
        assertEquals(1.0, e.recall(1));
        assertEquals(0.0, e.recall(0));
        assertEquals((double) verticals / 90, e.precision(1), 1e-12);
        assertTrue(Double.isNaN(e.precision(0)), "nothing was predicted as horizontal");
        assertEquals(0, e.undecided());
    }

    @Test
    void nanWeightsAreRefusedWithTheCountOfImages() {
        Sequential network = TrainerTest.smallConvNet(cpu, 1);
        network.parameters().values().forEach(p -> fill(p, Float.NaN));
        NonFiniteOutputException e = assertThrows(NonFiniteOutputException.class,
                () -> Evaluator.evaluate(network, Loss.SOFTMAX_CROSS_ENTROPY, data, 32));
        assertEquals(90, e.images());
        assertTrue(e.getMessage().contains("90 of 90 images"), e.getMessage());
    }

    @Test
    void oneInfiniteImageAmongFiniteOnesIsCounted() {
        Sequential network = TrainerTest.smallConvNet(cpu, 1);
        float[] pixels = data.gatherFeatures(java.util.stream.IntStream.range(0, 90).toArray());
        pixels[64 * 7 + 3] = Float.POSITIVE_INFINITY;
        Dataset poisoned = new Dataset(data.sampleShape(), pixels, data.labels(), data.classNames());
        NonFiniteOutputException e = assertThrows(NonFiniteOutputException.class,
                () -> Evaluator.evaluate(network, Loss.SOFTMAX_CROSS_ENTROPY, poisoned, 32));
        assertEquals(1, e.images());
    }
}
