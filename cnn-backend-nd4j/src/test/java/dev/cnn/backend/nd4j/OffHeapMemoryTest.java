package dev.cnn.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/**
 * Many conv / pool / update steps, dropping every result as a training loop does: the process's
 * resident memory must level off. Without {@link GarbageTrigger} it grows by about 3.5 MB a step here.
 */
class OffHeapMemoryTest {
    private static final int WARM_UP = 50;
    private static final int STEPS = 200;
    private static final int WINDOW = 40;
    private static final long ALLOWED_GROWTH = 120L << 20;

    @Test
    void residentMemoryLevelsOffOverManySteps() {
        Nd4jBackend backend = new Nd4jBackend();
        Tensor input = backend.tensor(pattern(32 * 28 * 28), Shape.of(32, 1, 28, 28));
        Tensor filter = backend.tensor(pattern(20 * 25), Shape.of(20, 1, 5, 5));
        Tensor velocity = backend.zeros(filter.shape());
        ConvGeometry conv = new ConvGeometry(1, 1, 0, 0);
        PoolGeometry pool = PoolGeometry.square(2);
        long earlyPeak = 0;
        long latePeak = 0;
        for (int step = 0; step < STEPS; step++) {
            Tensor output = backend.relu(backend.conv2d(input, filter, conv));
            Tensor pooled = backend.maxPool2d(output, pool);
            Tensor outputGradient = backend.maxPool2dBackward(output, pooled, pool);
            backend.conv2dBackwardData(outputGradient, filter, conv, input.shape());
            Tensor filterGradient = backend.conv2dBackwardFilter(input, outputGradient, conv, filter.shape());
            backend.sgdUpdateInPlace(filter, filterGradient, velocity, 1e-6f, 0.9f, false, 0f);
            long resident = Pointer.physicalBytes();
            if (step >= WARM_UP && step < WARM_UP + WINDOW) {
                earlyPeak = Math.max(earlyPeak, resident);
            } else if (step >= STEPS - WINDOW) {
                latePeak = Math.max(latePeak, resident);
            }
        }
        assertTrue(latePeak - earlyPeak < ALLOWED_GROWTH, "resident memory grew from " + (earlyPeak >> 20)
                + " MB to " + (latePeak >> 20) + " MB over " + (STEPS - WARM_UP - WINDOW) + " steps");
    }

    private static float[] pattern(int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (i % 7 - 3) * 0.1f;
        }
        return values;
    }
}
