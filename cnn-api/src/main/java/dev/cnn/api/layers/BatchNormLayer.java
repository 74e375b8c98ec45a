package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

final class BatchNormLayer implements Layer {
    private final BatchNorm config;
    private final Backend backend;
    private final int channels;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVariance;
    private Tensor normalized;
    private float[] inverseStd;

    BatchNormLayer(BatchNorm config, int channels, Backend backend) {
        this.config = config;
        this.backend = backend;
        this.channels = channels;
        this.gamma = new Parameter("gamma", vector(filled(1f)), true);
        this.beta = new Parameter("beta", vector(filled(0f)), true);
        this.runningMean = new Parameter("running_mean", vector(filled(0f)), false);
        this.runningVariance = new Parameter("running_variance", vector(filled(1f)), false);
    }

    @Override
    public BatchNorm config() {
        return config;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        float[] g = gamma.value().toArray();
        float[] b = beta.value().toArray();
        if (!training) {
            float[] mean = runningMean.value().toArray();
            float[] variance = runningVariance.value().toArray();
            float[] scale = new float[channels];
            float[] shift = new float[channels];
            for (int c = 0; c < channels; c++) {
                scale[c] = (float) (g[c] / Math.sqrt(variance[c] + config.epsilon()));
                shift[c] = b[c] - mean[c] * scale[c];
            }
            return backend.scaleShiftPerChannel(input, vector(scale), vector(shift));
        }
        long count = input.shape().size() / channels;
        float[] mean = backend.sumPerChannel(input).toArray();
        float[] negativeMean = new float[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] /= count;
            negativeMean[c] = -mean[c];
        }
        Tensor centered = backend.scaleShiftPerChannel(input, vector(filled(1f)), vector(negativeMean));
        float[] variance = backend.sumPerChannel(backend.multiply(centered, centered)).toArray();
        inverseStd = new float[channels];
        float[] scale = new float[channels];
        for (int c = 0; c < channels; c++) {
            variance[c] /= count;
            inverseStd[c] = (float) (1 / Math.sqrt(variance[c] + config.epsilon()));
            scale[c] = g[c] * inverseStd[c];
        }
        normalized = backend.scaleShiftPerChannel(centered, vector(inverseStd), vector(filled(0f)));
        updateRunningStatistics(mean, variance, count);
        return backend.scaleShiftPerChannel(centered, vector(scale), vector(b));
    }

    private void updateRunningStatistics(float[] mean, float[] variance, long count) {
        float m = (float) config.momentum();
        float unbias = count > 1 ? (float) count / (count - 1) : 1f;
        float[] rm = runningMean.value().toArray();
        float[] rv = runningVariance.value().toArray();
        for (int c = 0; c < channels; c++) {
            rm[c] = m * rm[c] + (1 - m) * mean[c];
            rv[c] = m * rv[c] + (1 - m) * variance[c] * unbias;
        }
        runningMean.setValue(vector(rm));
        runningVariance.setValue(vector(rv));
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        Tensor betaGradient = backend.sumPerChannel(outputGradient);
        Tensor gammaGradient = backend.sumPerChannel(backend.multiply(outputGradient, normalized));
        beta.addGradient(betaGradient);
        gamma.addGradient(gammaGradient);
        float[] g = gamma.value().toArray();
        float[] dBeta = betaGradient.toArray();
        float[] dGamma = gammaGradient.toArray();
        long count = outputGradient.shape().size() / channels;
        float[] direct = new float[channels];
        float[] viaNormalized = new float[channels];
        float[] constant = new float[channels];
        for (int c = 0; c < channels; c++) {
            direct[c] = g[c] * inverseStd[c];
            viaNormalized[c] = -direct[c] * dGamma[c] / count;
            constant[c] = -direct[c] * dBeta[c] / count;
        }
        return backend.add(
                backend.scaleShiftPerChannel(outputGradient, vector(direct), vector(filled(0f))),
                backend.scaleShiftPerChannel(normalized, vector(viaNormalized), vector(constant)));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta, runningMean, runningVariance);
    }

    private float[] filled(float value) {
        float[] values = new float[channels];
        Arrays.fill(values, value);
        return values;
    }

    private Tensor vector(float[] values) {
        return backend.tensor(values, Shape.of(channels));
    }
}
