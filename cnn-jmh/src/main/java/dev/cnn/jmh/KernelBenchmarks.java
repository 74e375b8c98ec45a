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
    private static final PoolGeometry MAX_2 = PoolGeometry.square(2);

    /** Which convolution layer of conv-20-40. */
    @Param({"conv1", "conv2"})
    public String layer;

    private final Backend backend = new CpuBackend();
    private Tensor input;
    private Tensor filter;
    private Tensor outputGradient;
    private Tensor poolInput;
    private Tensor poolGradient;
    private double convFlop;

    /** Random tensors of the layer's shapes. */
    @Setup
    public void setUp() {
        Random random = new Random(1);
        Shape inputShape = layer.equals("conv1") ? Shape.of(64, 1, 28, 28) : Shape.of(64, 20, 12, 12);
        Shape filterShape = layer.equals("conv1") ? Shape.of(20, 1, 5, 5) : Shape.of(40, 20, 5, 5);
        input = random(random, inputShape);
        filter = random(random, filterShape);
        Shape outputShape = VALID.outputShape(inputShape, filterShape);
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
        return backend.conv2d(input, filter, VALID);
    }

    @Benchmark
    public Tensor convBackwardData(Flops flops) {
        flops.add(convFlop);
        return backend.conv2dBackwardData(outputGradient, filter, VALID, input.shape());
    }

    @Benchmark
    public Tensor convBackwardFilter(Flops flops) {
        flops.add(convFlop);
        return backend.conv2dBackwardFilter(input, outputGradient, VALID, filter.shape());
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
