package dev.cnn.api.check;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Head;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.network.GraphInput;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.api.train.WeightedLoss;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Finite-difference gradient checks: compares the gradients a layer's (or a loss's) backward pass
 * computes with central differences of its forward pass. Use it on your own layers and backends.
 *
 * <p>The objective is {@code sum(output * r)} for a fixed random {@code r}, so that every output
 * contributes. Inputs are kept away from 0 and spread apart so that kinks (ReLU, max) are not crossed.
 */
public final class GradientCheck {
    private static final int COORDINATES_PER_TENSOR = 24;

    private final double epsilon;
    private final double tolerance;

    /**
     * @param epsilon   the step of the central difference (1e-2 suits float32)
     * @param tolerance the largest relative error accepted (1e-2 suits float32)
     */
    public GradientCheck(double epsilon, double tolerance) {
        this.epsilon = epsilon;
        this.tolerance = tolerance;
    }

    /** Steps and tolerance for float32 backends. */
    public static GradientCheck forFloat32() {
        return new GradientCheck(1e-2, 2e-2);
    }

    /**
     * Checks the input and parameter gradients of the layer {@code config} makes for a batch of
     * {@code batch} inputs of shape {@code input}, in training mode unless {@code training} is false.
     */
    public GradientCheckResult checkLayer(LayerConfig config, Shape input, int batch, boolean training,
                                          Backend backend, long seed) {
        Random random = new Random(seed);
        Layer layer = config.build(input, backend, new Random(seed + 1));
        Shape inputShape = input.withBatch(batch);
        float[] x = spreadValues(inputShape.size(), random);
        Shape outputShape = config.outputShape(input).withBatch(batch);
        float[] projection = gaussian(outputShape.size(), random);
        Tensor r = backend.tensor(projection, outputShape);

        layer.forward(backend.tensor(x, inputShape), training);
        float[] inputGradient = layer.backward(r).toArray();
        List<Mismatch> mismatches = new ArrayList<>();
        double worst = compare("input", x, inputGradient, random,
                () -> objective(layer, backend.tensor(x, inputShape), r, training), mismatches);
        for (Parameter p : layer.parameters()) {
            if (!p.trainable()) {
                continue;
            }
            float[] value = p.value().toArray();
            float[] gradient = p.gradient().toArray();
            worst = Math.max(worst, compare(p.name(), value, gradient, random, () -> {
                p.setValue(backend.tensor(value, p.shape()));
                return objective(layer, backend.tensor(x, inputShape), r, training);
            }, mismatches));
            p.setValue(backend.tensor(value, p.shape()));
        }
        return new GradientCheckResult(worst, tolerance, mismatches);
    }

    /**
     * Checks the gradients a whole graph network computes (with respect to every input and every trainable parameter,
     * shared ones included) for a batch of {@code batch} per input; the objective sums a random projection of every
     * output, so fan-out, merges and shared layers are all exercised.
     */
    public GradientCheckResult checkNetwork(GraphConfig graph, int batch, boolean training, Backend backend, long seed) {
        Random random = new Random(seed);
        GraphNetwork network = GraphNetwork.of(graph, backend, seed + 1);
        Map<String, float[]> inputs = new LinkedHashMap<>();
        for (GraphInput input : graph.inputs()) {
            inputs.put(input.name(), spreadValues(input.shape().withBatch(batch).size(), random));
        }
        Map<String, Tensor> projections = new LinkedHashMap<>();
        for (String output : graph.outputs()) {
            Shape shape = network.outputShape(output).withBatch(batch);
            projections.put(output, backend.tensor(gaussian(shape.size(), random), shape));
        }
        DoubleSupplier objective = () -> {
            Map<String, Tensor> x = new LinkedHashMap<>();
            inputs.forEach((name, values) -> x.put(name, backend.tensor(values, network.shapeOf(name).withBatch(batch))));
            Map<String, Tensor> out = network.forward(x, training);
            double total = 0;
            for (var entry : projections.entrySet()) {
                total += backend.sum(backend.multiply(out.get(entry.getKey()), entry.getValue()));
            }
            return total;
        };
        objective.getAsDouble();
        Map<String, float[]> inputGradients = new LinkedHashMap<>();
        network.backward(projections).forEach((name, g) -> inputGradients.put(name, g.toArray()));
        Map<String, float[]> parameterGradients = new LinkedHashMap<>();
        network.parameters().forEach((name, p) -> {
            if (p.trainable()) {
                parameterGradients.put(name, p.gradient().toArray());
            }
        });
        List<Mismatch> mismatches = new ArrayList<>();
        double worst = 0;
        for (var entry : inputs.entrySet()) {
            worst = Math.max(worst, compare(entry.getKey(), entry.getValue(), inputGradients.get(entry.getKey()), random,
                    objective, mismatches));
        }
        for (var entry : parameterGradients.entrySet()) {
            Parameter p = network.parameters().get(entry.getKey());
            float[] value = p.value().toArray();
            worst = Math.max(worst, compare(entry.getKey(), value, entry.getValue(), random, () -> {
                p.setValue(backend.tensor(value, p.shape()));
                return objective.getAsDouble();
            }, mismatches));
            p.setValue(backend.tensor(value, p.shape()));
        }
        return new GradientCheckResult(worst, tolerance, mismatches);
    }

    /**
     * Checks the gradients of the loss a network with several heads trains on ({@link WeightedLoss}: each head's loss
     * times its weight, summed) with respect to every input and trainable parameter, in training mode, for a batch of
     * {@code batch} images with random targets of each head's kind (a class per image, random tags, or values).
     *
     * @param graph the network; every head names one of its outputs
     * @param heads the heads, with their losses and weights
     */
    public GradientCheckResult checkHeads(GraphConfig graph, List<Head> heads, int batch, Backend backend, long seed) {
        Random random = new Random(seed);
        GraphNetwork network = GraphNetwork.of(graph, backend, seed + 1);
        Map<String, float[]> inputs = new LinkedHashMap<>();
        for (GraphInput input : graph.inputs()) {
            inputs.put(input.name(), spreadValues(input.shape().withBatch(batch).size(), random));
        }
        Map<String, Tensor> targets = new LinkedHashMap<>();
        for (Head head : heads) {
            Shape shape = network.outputShape(head.name()).withBatch(batch);
            targets.put(head.name(), backend.tensor(randomTargets(head.loss(), shape, random), shape));
        }
        java.util.function.Supplier<WeightedLoss> loss = () -> {
            Map<String, Tensor> x = new LinkedHashMap<>();
            inputs.forEach((name, values) -> x.put(name, backend.tensor(values, network.shapeOf(name).withBatch(batch))));
            return WeightedLoss.of(heads, network.forward(x, true), targets);
        };
        DoubleSupplier objective = () -> loss.get().value();
        WeightedLoss atStart = loss.get();
        Map<String, float[]> inputGradients = new LinkedHashMap<>();
        network.backward(atStart.gradients()).forEach((name, g) -> inputGradients.put(name, g.toArray()));
        Map<String, float[]> parameterGradients = new LinkedHashMap<>();
        network.parameters().forEach((name, p) -> {
            if (p.trainable()) {
                parameterGradients.put(name, p.gradient().toArray());
            }
        });
        List<Mismatch> mismatches = new ArrayList<>();
        double worst = 0;
        for (var entry : inputs.entrySet()) {
            worst = Math.max(worst, compare(entry.getKey(), entry.getValue(), inputGradients.get(entry.getKey()), random,
                    objective, mismatches));
        }
        for (var entry : parameterGradients.entrySet()) {
            Parameter p = network.parameters().get(entry.getKey());
            float[] value = p.value().toArray();
            worst = Math.max(worst, compare(entry.getKey(), value, entry.getValue(), random, () -> {
                p.setValue(backend.tensor(value, p.shape()));
                return objective.getAsDouble();
            }, mismatches));
            p.setValue(backend.tensor(value, p.shape()));
        }
        return new GradientCheckResult(worst, tolerance, mismatches);
    }

    /** Checks the gradient {@code loss} gives with respect to the network's output, for a batch of {@code shape}. */
    public GradientCheckResult checkLoss(Loss loss, Shape shape, Backend backend, long seed) {
        Random random = new Random(seed);
        float[] output = gaussian(shape.size(), random);
        Tensor t = backend.tensor(randomTargets(loss, shape, random), shape);
        float[] gradient = loss.evaluate(backend.tensor(output, shape), t).gradient().toArray();
        List<Mismatch> mismatches = new ArrayList<>();
        double worst = compare("output", output, gradient, random,
                () -> loss.evaluate(backend.tensor(output, shape), t).value(), mismatches);
        return new GradientCheckResult(worst, tolerance, mismatches);
    }

    /** Targets of {@code loss}'s kind for a batch of {@code shape}: one class per row, random tags, or values. */
    private static float[] randomTargets(Loss loss, Shape shape, Random random) {
        float[] targets = new float[shape.size()];
        int classes = shape.dim(-1);
        for (int row = 0; row < shape.size() / classes; row++) {
            if (loss.targets() == dev.cnn.api.loss.Targets.CLASS) {
                targets[row * classes + random.nextInt(classes)] = 1f;
            } else {
                for (int c = 0; c < classes; c++) {
                    targets[row * classes + c] = loss.targets() == dev.cnn.api.loss.Targets.VALUES ? (float) random.nextGaussian()
                            : random.nextBoolean() ? 1f : 0f;
                }
            }
        }
        return targets;
    }

    private static double objective(Layer layer, Tensor x, Tensor r, boolean training) {
        Backend b = x.backend();
        return b.sum(b.multiply(layer.forward(x, training), r));
    }

    /** Perturbs {@code values} in place at sampled coordinates, restoring each, and compares slopes. */
    private double compare(String what, float[] values, float[] analytic, Random random,
                           DoubleSupplier objective, List<Mismatch> mismatches) {
        double worst = 0;
        int count = Math.min(COORDINATES_PER_TENSOR, values.length);
        for (int k = 0; k < count; k++) {
            int i = values.length <= COORDINATES_PER_TENSOR ? k : random.nextInt(values.length);
            float original = values[i];
            values[i] = (float) (original + epsilon);
            double plus = objective.getAsDouble();
            values[i] = (float) (original - epsilon);
            double minus = objective.getAsDouble();
            values[i] = original;
            double numeric = (plus - minus) / (2 * epsilon);
            double error = Math.abs(numeric - analytic[i]) / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[i]));
            if (error > tolerance) {
                mismatches.add(new Mismatch(what, i, analytic[i], numeric));
            }
            worst = Math.max(worst, error);
        }
        return worst;
    }

    private static float[] gaussian(int n, Random random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** Values at least 0.1 away from 0 and, within small windows, unlikely to be within a step of each other. */
    private static float[] spreadValues(int n, Random random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double magnitude = 0.1 + random.nextDouble();
            v[i] = (float) (random.nextBoolean() ? magnitude : -magnitude);
        }
        return v;
    }

    /**
     * One coordinate whose analytic and numeric derivatives disagree.
     *
     * @param tensor   "input", "output" or the parameter's name
     * @param index    the flat index of the coordinate
     * @param analytic what backward computed
     * @param numeric  the central difference
     */
    public record Mismatch(String tensor, int index, double analytic, double numeric) {
    }
}
