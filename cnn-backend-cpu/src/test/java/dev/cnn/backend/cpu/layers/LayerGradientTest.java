package dev.cnn.backend.cpu.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.check.GradientCheck;
import dev.cnn.api.check.GradientCheckResult;
import dev.cnn.api.layer.Initializer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layers.AvgPool2D;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.DepthwiseConv2D;
import dev.cnn.api.layers.SeparableConv2D;
import dev.cnn.api.layers.Dropout;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.GroupedConv2D;
import dev.cnn.api.layers.GlobalAvgPool2D;
import dev.cnn.api.layers.LeakyReLU;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.Pad2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.layers.Sigmoid;
import dev.cnn.api.layers.Softmax;
import dev.cnn.api.layers.Tanh;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.tensor.Shape;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference checks of every built-in layer and loss, run on the reference backend. They live
 * here because cnn-api cannot depend on a backend, even in test scope (Maven forbids the cycle).
 */
class LayerGradientTest {
    private final Backend cpu = Backends.select("cpu");
    private final GradientCheck check = GradientCheck.forFloat32();

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of(Conv2D.of(4, 3), Shape.of(2, 7, 6)),
                Arguments.of(new Conv2D(3, 3, 2, 2, 1, 1, 2, true, Initializer.XAVIER), Shape.of(3, 8, 7)),
                Arguments.of(Conv2D.of(2, 1).withBias(false), Shape.of(3, 4, 4)),
                Arguments.of(Dense.of(5), Shape.of(7)),
                Arguments.of(MaxPool2D.of(2), Shape.of(2, 6, 6)),
                Arguments.of(new MaxPool2D(3, 2, 2, 1, 1, 0), Shape.of(2, 7, 5)),
                Arguments.of(AvgPool2D.of(2), Shape.of(2, 6, 4)),
                Arguments.of(new AvgPool2D(3, 3, 2, 2, 1, 1), Shape.of(1, 7, 7)),
                Arguments.of(new GlobalAvgPool2D(), Shape.of(3, 4, 5)),
                Arguments.of(new Flatten(), Shape.of(2, 3, 4)),
                Arguments.of(BatchNorm.of(), Shape.of(3, 4, 4)),
                Arguments.of(BatchNorm.of(), Shape.of(6)),
                Arguments.of(new ReLU(), Shape.of(2, 3, 3)),
                Arguments.of(new LeakyReLU(0.1), Shape.of(10)),
                Arguments.of(new Sigmoid(), Shape.of(10)),
                Arguments.of(new Tanh(), Shape.of(2, 3, 3)),
                Arguments.of(DepthwiseConv2D.of(3).withDepthMultiplier(2).withPadding(1), Shape.of(2, 5, 5)),
                Arguments.of(GroupedConv2D.of(6, 3, 3).withPadding(1), Shape.of(3, 5, 4)),
                Arguments.of(GroupedConv2D.of(4, 2, 2).withStride(2), Shape.of(4, 6, 6)),
                Arguments.of(new DepthwiseConv2D(2, 3, 1, 2, 1, 1, 2, 2, 2, true, Initializer.XAVIER), Shape.of(3, 6, 7)),
                Arguments.of(SeparableConv2D.of(4, 3).withPadding(2).withDilation(2), Shape.of(2, 5, 6)),
                Arguments.of(new SeparableConv2D(3, DepthwiseConv2D.of(2).withDepthMultiplier(2).withStride(2), false),
                        Shape.of(2, 6, 6)),
                Arguments.of(new Softmax(), Shape.of(6)),
                Arguments.of(Conv2D.of(3, 3).withDilation(2).withPadding(1), Shape.of(2, 8, 7)),
                Arguments.of(Conv2D.of(3, 3).withStride(2).withSamePadding(), Shape.of(2, 6, 7)),
                Arguments.of(Conv2D.of(2, 2).withSamePadding().withBias(false), Shape.of(2, 5, 4)),
                Arguments.of(GroupedConv2D.of(4, 2, 3).withDilation(2).withPadding(2), Shape.of(4, 6, 6)),
                Arguments.of(MaxPool2D.of(2).withCeilMode(true), Shape.of(2, 5, 7)),
                Arguments.of(new AvgPool2D(3, 3, 2, 2, 1, 1).withCeilMode(true).withCountIncludePad(true),
                        Shape.of(2, 6, 8)),
                Arguments.of(new AvgPool2D(3, 2, 2, 2, 1, 1).withCountIncludePad(true), Shape.of(1, 7, 6)),
                Arguments.of(new Pad2D(1, 0, 2, 1, 0.5f), Shape.of(2, 3, 4)),
                Arguments.of(Pad2D.zeros(1), Shape.of(3, 2, 2)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("layers")
    void backwardMatchesFiniteDifferences(LayerConfig layer, Shape input) {
        GradientCheckResult result = check.checkLayer(layer, input, 8, true, cpu, 7);
        assertTrue(result.passed(), result::toString);
    }

    /** Model files are refused unless they hold exactly the counted parameters, so every count must be exact. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("layers")
    void theParameterCountIsWhatTheBuiltLayerHolds(LayerConfig layer, Shape input) {
        long held = layer.build(input, cpu, new java.util.Random(1)).parameters().stream()
                .mapToLong(p -> p.shape().size()).sum();
        assertEquals(held, layer.parameterCount(input), layer.toString());
    }

    @Test
    void dropoutIsTheIdentityAtInferenceAndItsGradientIsExact() {
        GradientCheckResult result = check.checkLayer(new Dropout(0.5), Shape.of(12), 4, false, cpu, 3);
        assertTrue(result.passed(), result::toString);
    }

    static java.util.stream.Stream<Loss> losses() {
        return java.util.stream.Stream.of(Loss.SOFTMAX_CROSS_ENTROPY, Loss.SIGMOID_BINARY_CROSS_ENTROPY,
                Loss.MEAN_SQUARED_ERROR);
    }

    @ParameterizedTest
    @MethodSource("losses")
    void lossGradientMatchesFiniteDifferences(Loss loss) {
        GradientCheckResult result = check.checkLoss(loss, Shape.of(4, 5), cpu, 11);
        assertTrue(result.passed(), result::toString);
    }

    @Test
    void aPlantedErrorInABackwardPassIsCaught() {
        GradientCheckResult result = check.checkLayer(new MisscaledDense(4), Shape.of(5), 2, true, cpu, 5);
        assertFalse(result.passed(), "a backward pass off by 10% must fail the check");
    }
}
