package dev.cnn.jmh;

import dev.cnn.api.backend.Backend;
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
 * The pure-Java backend's {@code matmul} on square products and on the dense layers of {@code conv-20-40} at batch
 * 64 (forward, input gradient, weight gradient of the 640-100 layer), with GFLOP/s in the {@code gflop} secondary
 * result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class MatmulBenchmarks {
    /** {@code m x n x k} with the transposes: {@code T} after a size means that operand is stored transposed. */
    @Param({"2048x2048x2048", "64x100x640", "64x640x100:BT", "640x100x64:AT"})
    public String shape;

    private final Backend backend = new CpuBackend();
    private Tensor a;
    private Tensor b;
    private boolean transposeA;
    private boolean transposeB;
    private double flop;

    /** Random operands of the shape. */
    @Setup
    public void setUp() {
        String[] parts = shape.split(":");
        String[] dims = parts[0].split("x");
        int m = Integer.parseInt(dims[0]);
        int n = Integer.parseInt(dims[1]);
        int k = Integer.parseInt(dims[2]);
        transposeA = parts.length > 1 && parts[1].contains("AT");
        transposeB = parts.length > 1 && parts[1].contains("BT");
        Random random = new Random(1);
        a = random(random, transposeA ? Shape.of(k, m) : Shape.of(m, k));
        b = random(random, transposeB ? Shape.of(n, k) : Shape.of(k, n));
        flop = 2.0 * m * n * k;
    }

    private Tensor random(Random random, Shape shape) {
        float[] values = new float[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return backend.tensor(values, shape);
    }

    @Benchmark
    public Tensor matmul(Flops flops) {
        flops.add(flop);
        return backend.matmul(a, transposeA, b, transposeB);
    }
}
