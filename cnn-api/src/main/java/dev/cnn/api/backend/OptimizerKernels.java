package dev.cnn.api.backend;

import dev.cnn.api.tensor.Tensor;

/**
 * The optimizer updates a {@link Backend} provides: each modifies its first arguments (the parameter and the
 * optimizer's state) in place, so that a training step allocates nothing for them. Part of the backend SPI; the
 * compatibility kit checks each against the reference backend.
 */
public interface OptimizerKernels {

    /**
     * SGD step. With {@code g = grad + weightDecay * param}: {@code velocity = momentum * velocity + g};
     * then {@code param -= lr * (nesterov ? g + momentum * velocity : velocity)}. With momentum 0
     * this is plain SGD.
     */
    void sgdUpdateInPlace(Tensor param, Tensor grad, Tensor velocity,
                          float learningRate, float momentum, boolean nesterov, float weightDecay);

    /**
     * Adam step number {@code step} (1 for the first). With {@code g = grad + l2 * param}:
     * {@code m = beta1 m + (1-beta1) g}, {@code v = beta2 v + (1-beta2) g^2},
     * {@code param -= lr * (m / (1-beta1^step)) / (sqrt(v / (1-beta2^step)) + epsilon) + lr * decoupledDecay * param}.
     * Adam uses {@code l2}; AdamW uses {@code decoupledDecay}. The decoupled term uses the value of
     * {@code param} before this step.
     */
    void adamUpdateInPlace(Tensor param, Tensor grad, Tensor m, Tensor v, float learningRate,
                           float beta1, float beta2, float epsilon, int step, float l2, float decoupledDecay);

    /**
     * RMSProp step. With {@code g = grad + weightDecay * param}: {@code s = rho s + (1-rho) g^2},
     * {@code param -= lr * g / (sqrt(s) + epsilon)}.
     */
    void rmsPropUpdateInPlace(Tensor param, Tensor grad, Tensor meanSquare,
                              float learningRate, float rho, float epsilon, float weightDecay);
}
