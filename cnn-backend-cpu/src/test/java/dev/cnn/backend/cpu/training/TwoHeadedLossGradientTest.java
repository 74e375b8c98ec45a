package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.check.GradientCheck;
import dev.cnn.api.check.GradientCheckResult;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.GlobalAvgPool2D;
import dev.cnn.api.layers.Tanh;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.loss.LossValue;
import dev.cnn.api.loss.Targets;
import dev.cnn.api.model.Head;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.api.train.WeightedLoss;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Finite differences of the tagger's training loss: a trunk (convolution, batch norm, global average pooling) read by
 * a class head (softmax cross-entropy) and a tag head (sigmoid binary cross-entropy) trained on their weighted sum.
 * Every parameter of both heads and of the shared trunk, and the input, must get the gradient of that sum.
 */
class TwoHeadedLossGradientTest {
    private final Backend cpu = Backends.select("cpu");
    private final GradientCheck check = GradientCheck.forFloat32();

    private static GraphConfig twoHeads() {
        return new GraphBuilder().addInput("image", 3, 6, 6)
                .add("conv", Conv2D.of(4, 3).withPadding(1), "image")
                .add("bn", BatchNorm.of(), "conv")
                .add("tanh", new Tanh(), "bn")
                .add("pool", new GlobalAvgPool2D(), "tanh")
                .add("class", Dense.of(3), "pool")
                .add("tags", Dense.of(5), "pool")
                .setOutputs("class", "tags").config();
    }

    private static List<Head> heads(Loss tagLoss, double tagWeight) {
        return List.of(new Head("class", Loss.SOFTMAX_CROSS_ENTROPY, 1, List.of("a", "b", "c")),
                new Head("tags", tagLoss, tagWeight, List.of("t1", "t2", "t3", "t4", "t5")));
    }

    @Test
    void theWeightedSumOfClassAndTagLossesHasTheGradientTrainingUses() {
        GradientCheckResult result = check.checkHeads(twoHeads(), heads(Loss.SIGMOID_BINARY_CROSS_ENTROPY, 4), 4, cpu, 3);
        assertTrue(result.passed(), result::toString);
    }

    @Test
    void aTagHeadWhoseGradientIgnoresItsShareOfTheSumIsCaught() {
        GradientCheckResult result = check.checkHeads(twoHeads(), heads(new GradientOfHalf(), 1), 4, cpu, 3);
        assertFalse(result.passed(), "a tag loss whose gradient is half of what its value says must fail the check");
    }

    @Test
    void theWeightedLossAddsEachHeadTimesItsWeightAndScalesItsGradient() {
        Tensor classOut = cpu.tensor(new float[] {1, 2, 3, 0, 0, 0}, Shape.of(2, 3));
        Tensor tagOut = cpu.tensor(new float[] {0.5f, -1, 2, 0, 1, -2, 0, 3, 1, 1}, Shape.of(2, 5));
        Tensor classTarget = cpu.tensor(new float[] {0, 0, 1, 1, 0, 0}, Shape.of(2, 3));
        Tensor tagTarget = cpu.tensor(new float[] {1, 0, 1, 0, 1, 0, 0, 1, 1, 0}, Shape.of(2, 5));
        WeightedLoss loss = WeightedLoss.of(heads(Loss.SIGMOID_BINARY_CROSS_ENTROPY, 4),
                Map.of("class", classOut, "tags", tagOut), Map.of("class", classTarget, "tags", tagTarget));
        double ce = Loss.SOFTMAX_CROSS_ENTROPY.evaluate(classOut, classTarget).value();
        LossValue bce = Loss.SIGMOID_BINARY_CROSS_ENTROPY.evaluate(tagOut, tagTarget);
        assertEquals(ce + 4 * bce.value(), loss.value(), 1e-6);
        float[] expected = bce.gradient().toArray();
        float[] actual = loss.gradients().get("tags").toArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(4 * expected[i], actual[i], 1e-6);
        }
    }

    /** Binary cross-entropy whose value is doubled but whose gradient is not: what a forgotten weight looks like. */
    private static final class GradientOfHalf implements Loss {
        @Override
        public LossValue evaluate(Tensor output, Tensor targets) {
            LossValue plain = Loss.SIGMOID_BINARY_CROSS_ENTROPY.evaluate(output, targets);
            return new LossValue(2 * plain.value(), plain.gradient());
        }

        @Override
        public Tensor probabilities(Tensor output) {
            return Loss.SIGMOID_BINARY_CROSS_ENTROPY.probabilities(output);
        }

        @Override
        public Targets targets() {
            return Targets.TAGS;
        }
    }
}
