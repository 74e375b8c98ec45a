package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The optimizer steps of the SPI as in-place ND4J operations on the parameter and state arrays, their temporaries in
 * {@link Scratch}. Adam is libnd4j's fused {@code adam_updater} (one pass for both moments and the step) followed by
 * one subtraction, instead of about ten whole-array ops that each allocated their result.
 */
final class OptimizerUpdates {
    private OptimizerUpdates() {
    }

    static void sgd(INDArray param, INDArray grad, INDArray velocity,
                    float learningRate, float momentum, boolean nesterov, float weightDecay) {
        try (MemoryWorkspace scope = Scratch.open()) {
            INDArray g = decayed(grad, param, weightDecay);
            velocity.muli(momentum).addi(g);
            INDArray step = nesterov ? velocity.mul(momentum).addi(g) : velocity.dup();
            param.subi(step.muli(learningRate));
        }
    }

    /**
     * {@code adam_updater} computes {@code lr sqrt(1 - beta2^t) / (1 - beta1^t) m / (sqrt(v) + e)} with {@code t} its
     * iteration plus one; with {@code e = epsilon sqrt(1 - beta2^t)} that is the SPI's
     * {@code lr (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)}.
     */
    static void adam(INDArray param, INDArray grad, INDArray m, INDArray v, float learningRate,
                     float beta1, float beta2, float epsilon, int step, float l2, float decoupledDecay) {
        double scaledEpsilon = epsilon * Math.sqrt(1.0 - Math.pow(beta2, step));
        try (MemoryWorkspace scope = Scratch.open()) {
            INDArray g = l2 == 0.0f ? grad : param.mul(l2).addi(grad);
            INDArray update = Nd4j.createUninitialized(DataType.FLOAT, param.shape());
            NativeOp.named("adam_updater").inputs(g, v, m).outputs(update, v, m)
                    .floats(learningRate, beta1, beta2, scaledEpsilon).integers(step - 1).run();
            if (decoupledDecay != 0.0f) {
                update.addi(param.mul(learningRate * decoupledDecay));
            }
            param.subi(update);
        }
    }

    static void rmsProp(INDArray param, INDArray grad, INDArray meanSquare,
                        float learningRate, float rho, float epsilon, float weightDecay) {
        try (MemoryWorkspace scope = Scratch.open()) {
            INDArray g = decayed(grad, param, weightDecay);
            INDArray scaledSquare = g.mul(g).muli(1.0f - rho);
            meanSquare.muli(rho).addi(scaledSquare);
            INDArray denominator = Transforms.sqrt(meanSquare, true).addi(epsilon);
            INDArray update = g.mul(learningRate).divi(denominator);
            param.subi(update);
        }
    }

    /** {@code grad + decay * param}, a new array. */
    private static INDArray decayed(INDArray grad, INDArray param, float decay) {
        return decay == 0.0f ? grad.dup() : param.mul(decay).addi(grad);
    }
}
