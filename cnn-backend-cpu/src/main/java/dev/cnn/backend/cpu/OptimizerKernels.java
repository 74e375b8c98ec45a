package dev.cnn.backend.cpu;

/** Fused optimizer updates that rewrite parameters and optimizer state in place. */
final class OptimizerKernels {
    private OptimizerKernels() {
    }

    static void sgd(float[] param, float[] grad, float[] velocity, float lr, float momentum, boolean nesterov,
                    float weightDecay) {
        Parallel.forRange(param.length, Activations.MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                float g = grad[i] + weightDecay * param[i];
                float v = momentum * velocity[i] + g;
                velocity[i] = v;
                param[i] -= lr * (nesterov ? g + momentum * v : v);
            }
        });
    }

    static void adam(float[] param, float[] grad, float[] m, float[] v, float lr, float beta1, float beta2,
                     float epsilon, int step, float l2, float decoupledDecay) {
        float correction1 = (float) (1.0 - Math.pow(beta1, step));
        float correction2 = (float) (1.0 - Math.pow(beta2, step));
        Parallel.forRange(param.length, Activations.MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                float p = param[i];
                float g = grad[i] + l2 * p;
                float mi = beta1 * m[i] + (1f - beta1) * g;
                float vi = beta2 * v[i] + (1f - beta2) * g * g;
                m[i] = mi;
                v[i] = vi;
                float adaptive = (mi / correction1) / ((float) Math.sqrt(vi / correction2) + epsilon);
                param[i] = p - lr * adaptive - lr * decoupledDecay * p;
            }
        });
    }

    static void rmsProp(float[] param, float[] grad, float[] meanSquare, float lr, float rho, float epsilon,
                        float weightDecay) {
        Parallel.forRange(param.length, Activations.MIN_CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                float g = grad[i] + weightDecay * param[i];
                float s = rho * meanSquare[i] + (1f - rho) * g * g;
                meanSquare[i] = s;
                param[i] -= lr * g / ((float) Math.sqrt(s) + epsilon);
            }
        });
    }
}
