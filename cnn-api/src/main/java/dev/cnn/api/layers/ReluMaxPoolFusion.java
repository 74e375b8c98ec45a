package dev.cnn.api.layers;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.PoolGeometry;
import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.tensor.Tensor;
import java.util.List;
import java.util.Optional;

/**
 * Runs the backward pass of a {@link ReLU} whose output only a {@link MaxPool2D} reads as one kernel,
 * {@link dev.cnn.api.backend.Backend#maxPool2dBackwardAfterReluInto}: the pooling layer's gradient goes straight to
 * the ReLU's input, and the ReLU passes it on untouched, so the gradient of the ReLU's output is never written out
 * and read back. Forward passes, and so every node's activations, are those of the two layers. The graph runtime
 * applies it while building a network, on backends that implement the fused kernel; the layers it was given keep
 * their own behaviour.
 */
public final class ReluMaxPoolFusion {
    private ReluMaxPoolFusion() {
    }

    /**
     * Run-time stand-ins for {@code relu} and {@code pool}, in that order, when they are this library's ReLU and max
     * pooling layers; empty otherwise. Only valid when {@code pool} is the sole reader of {@code relu}'s output.
     */
    public static Optional<List<Layer>> of(Layer relu, Layer pool) {
        if (relu instanceof ActivationLayer activation && activation.config() instanceof ReLU
                && pool instanceof PoolLayer pooling && pooling.isMax() && hasFusedKernel(pooling.backend())) {
            return Optional.of(List.of(new PassThrough(activation), new PoolThroughRelu(pooling)));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code backend} implements the fused kernel itself. The interface's default composes the two allocating
     * kernels, which would cost a backend without it the output buffers its {@code ...Into} kernels reuse; such a
     * backend keeps the two layers' own backward passes.
     */
    private static boolean hasFusedKernel(Backend backend) {
        try {
            return backend.getClass().getMethod("maxPool2dBackwardAfterReluInto", Tensor.class, Tensor.class,
                    PoolGeometry.class, Tensor.class).getDeclaringClass() != Backend.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The ReLU, whose gradient the pooling layer after it has already applied. */
    private static final class PassThrough implements Layer {
        private final ActivationLayer relu;

        PassThrough(ActivationLayer relu) {
            this.relu = relu;
        }

        @Override
        public LayerConfig config() {
            return relu.config();
        }

        @Override
        public Tensor forward(Tensor input, boolean training) {
            return relu.forward(input, training);
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            return outputGradient;
        }

        @Override
        public void reuseBuffers(boolean reuse) {
            relu.reuseBuffers(reuse);
        }
    }

    /** The max pooling, whose gradient goes through the ReLU before it to the ReLU's input. */
    private static final class PoolThroughRelu implements Layer {
        private final PoolLayer pool;
        private final Buffer inputGradient = new Buffer();
        private boolean reuse;

        PoolThroughRelu(PoolLayer pool) {
            this.pool = pool;
        }

        @Override
        public LayerConfig config() {
            return pool.config();
        }

        @Override
        public Tensor forward(Tensor input, boolean training) {
            return pool.forward(input, training);
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            return inputGradient.keep(pool.backend().maxPool2dBackwardAfterReluInto(pool.lastInput(), outputGradient,
                    pool.geometry(), inputGradient.target(reuse)), reuse);
        }

        @Override
        public void reuseBuffers(boolean value) {
            reuse = value;
            pool.reuseBuffers(value);
        }
    }
}
