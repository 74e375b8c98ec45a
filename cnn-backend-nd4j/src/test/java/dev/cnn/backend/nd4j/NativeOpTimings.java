package dev.cnn.backend.nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Median milliseconds of raw libnd4j ops on one layer's shapes (default vgg-small's second conv: 64 x 32 x 28 x 28,
 * 32 filters 3x3, padding 1), each with oneDNN's helpers on and off, alternated round by round in one process so
 * that machine noise falls on all alike: where the ND4J backend's time goes, op by op. Not a test; run with the test
 * classpath: {@code java -cp ... dev.cnn.backend.nd4j.NativeOpTimings [N C H W [rounds]]}.
 */
public final class NativeOpTimings {
    private NativeOpTimings() {
    }

    public static void main(String[] args) {
        int n = args.length > 3 ? Integer.parseInt(args[0]) : 64;
        int c = args.length > 3 ? Integer.parseInt(args[1]) : 32;
        int h = args.length > 3 ? Integer.parseInt(args[2]) : 28;
        int w = args.length > 3 ? Integer.parseInt(args[3]) : 28;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 7;
        NativeThreads.applyConfiguredCount();
        INDArray x = Nd4j.randn(DataType.FLOAT, n, c, h, w);
        INDArray dy = Nd4j.randn(DataType.FLOAT, n, c, h, w);
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, n, c, h, w);
        INDArray out2 = Nd4j.createUninitialized(DataType.FLOAT, n, c, h, w);
        INDArray filter = Nd4j.randn(DataType.FLOAT, c, c, 3, 3);
        INDArray filterGradient = Nd4j.createUninitialized(DataType.FLOAT, c, c, 3, 3);
        INDArray dwFilter = Nd4j.randn(DataType.FLOAT, 3, 3, c, 1);
        INDArray dwFilterGradient = Nd4j.createUninitialized(DataType.FLOAT, 3, 3, c, 1);
        INDArray pooled = Nd4j.createUninitialized(DataType.FLOAT, n, c, h / 2, w / 2);
        INDArray pooledGradient = Nd4j.randn(DataType.FLOAT, n, c, h / 2, w / 2);
        INDArray mean = Nd4j.createUninitialized(DataType.FLOAT, c);
        INDArray variance = Nd4j.createUninitialized(DataType.FLOAT, c);
        INDArray gamma = Nd4j.rand(DataType.FLOAT, c);
        INDArray beta = Nd4j.rand(DataType.FLOAT, c);
        INDArray dMean = Nd4j.createUninitialized(DataType.FLOAT, c);
        INDArray dVariance = Nd4j.createUninitialized(DataType.FLOAT, c);
        INDArray dGamma = Nd4j.createUninitialized(DataType.FLOAT, c);
        INDArray dBeta = Nd4j.createUninitialized(DataType.FLOAT, c);
        INDArray sums = Nd4j.createUninitialized(DataType.FLOAT, c);
        INDArray bias4 = gamma.reshape(1, c, 1, 1);
        int[] conv = {3, 3, 1, 1, 1, 1, 1, 1, 0, 0, 1};
        int[] dwConv = {3, 3, 1, 1, 1, 1, 1, 1, 0, 0};
        int[] pool = {2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0};
        NativeOp.named("moments").inputs(x).outputs(mean, variance).integers(0, 2, 3).run();

        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("conv2d", () -> NativeOp.named("conv2d").inputs(x, filter).outputs(out).integers(conv).run());
        ops.put("conv2d_bp", () -> NativeOp.named("conv2d_bp").inputs(x, filter, dy).outputs(out2, filterGradient)
                .integers(conv).run());
        ops.put("depthwise_conv2d", () -> NativeOp.named("depthwise_conv2d").inputs(x, dwFilter).outputs(out)
                .integers(dwConv).run());
        ops.put("depthwise_conv2d_bp", () -> NativeOp.named("depthwise_conv2d_bp").inputs(x, dwFilter, dy)
                .outputs(out2, dwFilterGradient).integers(dwConv).run());
        ops.put("maxpool2d", () -> NativeOp.named("maxpool2d").inputs(x).outputs(pooled).integers(pool).run());
        ops.put("maxpool2d_bp", () -> NativeOp.named("maxpool2d_bp").inputs(x, pooledGradient).outputs(out2)
                .integers(pool).run());
        ops.put("moments", () -> NativeOp.named("moments").inputs(x).outputs(mean, variance).integers(0, 2, 3).run());
        ops.put("reduce_sum", () -> NativeOp.named("reduce_sum").inputs(x).outputs(sums).integers(0, 2, 3).run());
        ops.put("batchnorm", () -> NativeOp.named("batchnorm").inputs(x, mean, variance, gamma, beta).outputs(out)
                .integers(1, 1, 1).floats(1e-5).run());
        ops.put("batchnorm_bp", () -> NativeOp.named("batchnorm_bp").inputs(x, mean, variance, gamma, beta, dy)
                .outputs(out2, dMean, dVariance, dGamma, dBeta).integers(1, 1, 1).floats(1e-5).run());
        ops.put("Broadcast.mul axis1", () -> Broadcast.mul(x, gamma, out, 1));
        ops.put("numpy mul [1,C,1,1]", () -> NativeOp.named("multiply").inputs(x, bias4).outputs(out).run());
        ops.put("relu_bp", () -> NativeOp.named("relu_bp").inputs(x, dy).outputs(out2).floats(0.0).run());
        ops.put("assign(0)", () -> out2.assign(0));
        INDArray rows = x.reshape(n * c, h * w);
        INDArray ones = Nd4j.ones(DataType.FLOAT, h * w, 1);
        INDArray rowSums = Nd4j.createUninitialized(DataType.FLOAT, n * c, 1);
        INDArray rowSums1 = Nd4j.createUninitialized(DataType.FLOAT, n * c);
        ops.put("row sums gemv", () -> NativeOp.named("matmul").inputs(rows, ones).outputs(rowSums).integers(0, 0).run());
        ops.put("row sums reduce_sum", () -> NativeOp.named("reduce_sum").inputs(rows).outputs(rowSums1).integers(1).run());
        ops.put("step + mul", () -> {
            Nd4j.exec(new org.nd4j.linalg.api.ops.impl.scalar.Step(x, out2, 0.0));
            out2.muli(dy);
        });
        INDArray filter1 = Nd4j.randn(DataType.FLOAT, 20, c, 5, 5);
        INDArray filter1Gradient = Nd4j.createUninitialized(DataType.FLOAT, 20, c, 5, 5);
        INDArray out1 = Nd4j.createUninitialized(DataType.FLOAT, n, 20, h - 4, w - 4);
        int[] conv5 = {5, 5, 1, 1, 0, 0, 1, 1, 0, 0, 1};
        ops.put("conv2d 20x5x5", () -> NativeOp.named("conv2d").inputs(x, filter1).outputs(out1).integers(conv5).run());
        ops.put("conv2d_bp 20x5x5", () -> NativeOp.named("conv2d_bp").inputs(x, filter1, out1).outputs(out2, filter1Gradient)
                .integers(conv5).run());

        List<String> names = new ArrayList<>();
        for (String name : ops.keySet()) {
            names.add(name + " onednn");
            names.add(name + " plain");
        }
        double[][] samples = new double[names.size()][rounds];
        for (int round = -1; round < rounds; round++) {
            int k = 0;
            for (Runnable op : ops.values()) {
                for (boolean helpers : new boolean[] {true, false}) {
                    Nd4j.getEnvironment().allowHelpers(helpers);
                    double ms = time(op);
                    if (round >= 0) {
                        samples[k][round] = ms;
                    }
                    k++;
                }
            }
        }
        Nd4j.getEnvironment().allowHelpers(true);
        System.out.printf("shape [%d, %d, %d, %d], %d threads, median of %d rounds (ms)%n", n, c, h, w,
                Nd4j.getEnvironment().maxThreads(), rounds);
        for (int k = 0; k < names.size(); k++) {
            Arrays.sort(samples[k]);
            System.out.printf("%-30s %8.3f%n", names.get(k), samples[k][rounds / 2]);
        }
    }

    /** The median of 5 runs after 2 untimed ones. */
    private static double time(Runnable op) {
        op.run();
        op.run();
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            op.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[2];
    }
}
