package dev.cnn.jmh;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.backend.cpu.CpuBackend;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure-Java backend's convolution and pooling kernels on the layers of {@code conv-20-40} at batch 64 (conv1:
 * 1x28x28 by 20 filters 5x5; conv2: 20x12x12 by 40 filters 5x5; pooling of conv1's 20x24x24 output), with the
 * GFLOP/s of each convolution in the {@code gflop} secondary result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class KernelBenchmarks {
    private static final ConvGeometry VALID = new ConvGeometry(1, 1, 0, 0);
    private static final ConvGeometry SAME_3X3 = new ConvGeometry(1, 1, 1, 1);
    private static final PoolGeometry MAX_2 = PoolGeometry.square(2);

    /**
     * Which convolution: conv1 and conv2 of conv-20-40 (5x5, no padding), or vgg2 and vgg4 of vgg-small (3x3,
     * padding 1: 32 to 32 maps of 28x28, 64 to 64 maps of 14x14).
     */
    @Param({"conv1", "conv2", "vgg2", "vgg4"})
    public String layer;

    private final Backend backend = new CpuBackend();
    private Tensor input;
    private Tensor filter;
    private Tensor outputGradient;
    private Tensor poolInput;
    private Tensor poolGradient;
    private double convFlop;
    private ConvGeometry geometry;

    /** Random tensors of the layer's shapes. */
    @Setup
    public void setUp() {
        Random random = new Random(1);
        Shape inputShape = switch (layer) {
            case "conv1" -> Shape.of(64, 1, 28, 28);
            case "conv2" -> Shape.of(64, 20, 12, 12);
            case "vgg2" -> Shape.of(64, 32, 28, 28);
            default -> Shape.of(64, 64, 14, 14);
        };
        Shape filterShape = switch (layer) {
            case "conv1" -> Shape.of(20, 1, 5, 5);
            case "conv2" -> Shape.of(40, 20, 5, 5);
            case "vgg2" -> Shape.of(32, 32, 3, 3);
            default -> Shape.of(64, 64, 3, 3);
        };
        geometry = layer.startsWith("vgg") ? SAME_3X3 : VALID;
        input = random(random, inputShape);
        filter = random(random, filterShape);
        Shape outputShape = geometry.outputShape(inputShape, filterShape);
        outputGradient = random(random, outputShape);
        poolInput = random(random, outputShape);
        poolGradient = random(random, MAX_2.outputShape(outputShape));
        convFlop = 2.0 * outputShape.size() * filterShape.size() / filterShape.dim(0);
    }

    private Tensor random(Random random, Shape shape) {
        float[] values = new float[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return backend.tensor(values, shape);
    }

    @Benchmark
    public Tensor convForward(Flops flops) {
        flops.add(convFlop);
        return backend.conv2d(input, filter, geometry);
    }

    @Benchmark
    public Tensor convBackwardData(Flops flops) {
        flops.add(convFlop);
        return backend.conv2dBackwardData(outputGradient, filter, geometry, input.shape());
    }

    @Benchmark
    public Tensor convBackwardFilter(Flops flops) {
        flops.add(convFlop);
        return backend.conv2dBackwardFilter(input, outputGradient, geometry, filter.shape());
    }

    @Benchmark
    public Tensor maxPoolForward() {
        return backend.maxPool2d(poolInput, MAX_2);
    }

    @Benchmark
    public Tensor maxPoolBackward() {
        return backend.maxPool2dBackward(poolInput, poolGradient, MAX_2);
    }
}
