package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Batch normalisation per channel. Training normalises with the batch's mean and (biased) variance and keeps the
 * input for the backward pass, which works out the normalised values from it instead of storing them: a forward
 * pass reads its input twice for the statistics and writes the output once, a backward pass reads the output
 * gradient and the input twice and writes the input gradient once, each a per-channel kernel of the backend.
 */
final class BatchNormLayer implements Layer {
    private final BatchNorm config;
    private final Backend backend;
    private final int channels;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVariance;
    private final Tensor zeros;
    private final Buffer output = new Buffer();
    private final Buffer inputGradient = new Buffer();
    private boolean reuse;
    private Tensor input;
    private Tensor mean;
    private float[] meanValues;
    private float[] inverseStd;

    BatchNormLayer(BatchNorm config, int channels, Backend backend) {
        this.config = config;
        this.backend = backend;
        this.channels = channels;
        this.gamma = new Parameter("gamma", vector(filled(1f)), true);
        this.beta = new Parameter("beta", vector(filled(0f)), true);
        this.runningMean = new Parameter("running_mean", vector(filled(0f)), false);
        this.runningVariance = new Parameter("running_variance", vector(filled(1f)), false);
        this.zeros = vector(filled(0f));
    }

    @Override
    public BatchNorm config() {
        return config;
    }

    @Override
    public void reuseBuffers(boolean value) {
        reuse = value;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        float[] g = gamma.value().toArray();
        float[] b = beta.value().toArray();
        float[] scale = new float[channels];
        float[] shift = new float[channels];
        if (!training) {
            inferenceScaleAndShift(scale, shift);
            return output.keep(backend.scaleShiftPerChannelInto(input, vector(scale), vector(shift),
                    output.target(reuse)), reuse);
        }
        long count = input.shape().size() / channels;
        meanValues = backend.sumPerChannel(input).toArray();
        for (int c = 0; c < channels; c++) {
            meanValues[c] /= count;
        }
        mean = vector(meanValues);
        float[] variance = backend.sumOfCenteredProductsPerChannel(input, mean, input, mean).toArray();
        inverseStd = new float[channels];
        for (int c = 0; c < channels; c++) {
            variance[c] /= count;
            inverseStd[c] = (float) (1 / Math.sqrt(variance[c] + config.epsilon()));
            scale[c] = g[c] * inverseStd[c];
            shift[c] = b[c] - meanValues[c] * scale[c];
        }
        this.input = input;
        updateRunningStatistics(meanValues, variance, count);
        return output.keep(backend.scaleShiftPerChannelInto(input, vector(scale), vector(shift), output.target(reuse)),
                reuse);
    }

    /** Fills {@code scale} and {@code shift} with what inference multiplies and adds per channel: the running statistics' normalisation. */
    void inferenceScaleAndShift(float[] scale, float[] shift) {
        float[] g = gamma.value().toArray();
        float[] b = beta.value().toArray();
        float[] m = runningMean.value().toArray();
        float[] variance = runningVariance.value().toArray();
        for (int c = 0; c < channels; c++) {
            scale[c] = (float) (g[c] / Math.sqrt(variance[c] + config.epsilon()));
            shift[c] = b[c] - m[c] * scale[c];
        }
    }

    int channels() {
        return channels;
    }

    private void updateRunningStatistics(float[] batchMean, float[] variance, long count) {
        float m = (float) config.momentum();
        float unbias = count > 1 ? (float) count / (count - 1) : 1f;
        float[] rm = runningMean.value().toArray();
        float[] rv = runningVariance.value().toArray();
        for (int c = 0; c < channels; c++) {
            rm[c] = m * rm[c] + (1 - m) * batchMean[c];
            rv[c] = m * rv[c] + (1 - m) * variance[c] * unbias;
        }
        runningMean.setValue(vector(rm));
        runningVariance.setValue(vector(rv));
    }

    /**
     * With {@code xhat = (x - mean) * inverseStd}: {@code dBeta = sum dy}, {@code dGamma = sum dy * xhat}, and
     * {@code dx = gamma * inverseStd * (dy - dBeta / count - xhat * dGamma / count)}, which is
     * {@code dy * a + x * b + c} per channel.
     */
    @Override
    public Tensor backward(Tensor outputGradient) {
        Tensor betaGradient = backend.sumPerChannel(outputGradient);
        float[] dBeta = betaGradient.toArray();
        float[] dGamma = backend.sumOfCenteredProductsPerChannel(outputGradient, zeros, input, mean).toArray();
        for (int c = 0; c < channels; c++) {
            dGamma[c] *= inverseStd[c];
        }
        beta.addGradient(betaGradient);
        gamma.addGradient(vector(dGamma));
        float[] g = gamma.value().toArray();
        long count = outputGradient.shape().size() / channels;
        float[] a = new float[channels];
        float[] b = new float[channels];
        float[] c = new float[channels];
        for (int k = 0; k < channels; k++) {
            a[k] = g[k] * inverseStd[k];
            b[k] = -a[k] * inverseStd[k] * dGamma[k] / count;
            c[k] = -a[k] * dBeta[k] / count - b[k] * meanValues[k];
        }
        return inputGradient.keep(backend.scaleAddPerChannelInto(outputGradient, vector(a), input, vector(b),
                vector(c), inputGradient.target(reuse)), reuse);
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
