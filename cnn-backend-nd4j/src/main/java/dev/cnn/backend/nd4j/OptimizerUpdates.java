package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The optimizer steps of the SPI, written as in-place ND4J array operations on the parameter and
 * state arrays; the temporaries each step makes are freed before it returns.
 */
final class OptimizerUpdates {
    private OptimizerUpdates() {
    }

    static void sgd(INDArray param, INDArray grad, INDArray velocity,
                    float learningRate, float momentum, boolean nesterov, float weightDecay) {
        INDArray g = decayed(grad, param, weightDecay);
        velocity.muli(momentum).addi(g);
        INDArray step = nesterov ? velocity.mul(momentum).addi(g) : velocity.dup();
        param.subi(step.muli(learningRate));
        Release.all(g, step);
    }

    static void adam(INDArray param, INDArray grad, INDArray m, INDArray v, float learningRate,
                     float beta1, float beta2, float epsilon, int step, float l2, float decoupledDecay) {
        INDArray g = decayed(grad, param, l2);
        INDArray scaledGradient = g.mul(1.0f - beta1);
        m.muli(beta1).addi(scaledGradient);
        INDArray scaledSquare = g.mul(g).muli(1.0f - beta2);
        v.muli(beta2).addi(scaledSquare);
        float firstCorrection = (float) (1.0 - Math.pow(beta1, step));
        float secondCorrection = (float) (1.0 - Math.pow(beta2, step));
        INDArray denominator = Transforms.sqrt(v.div(secondCorrection), false).addi(epsilon);
        INDArray update = m.div(firstCorrection).divi(denominator).muli(learningRate);
        if (decoupledDecay != 0.0f) {
            INDArray decay = param.mul(learningRate * decoupledDecay);
            update.addi(decay);
            Release.all(decay);
        }
        param.subi(update);
        Release.all(g, scaledGradient, scaledSquare, denominator, update);
    }

    static void rmsProp(INDArray param, INDArray grad, INDArray meanSquare,
                        float learningRate, float rho, float epsilon, float weightDecay) {
        INDArray g = decayed(grad, param, weightDecay);
        INDArray scaledSquare = g.mul(g).muli(1.0f - rho);
        meanSquare.muli(rho).addi(scaledSquare);
        INDArray denominator = Transforms.sqrt(meanSquare, true).addi(epsilon);
        INDArray update = g.mul(learningRate).divi(denominator);
        param.subi(update);
        Release.all(g, scaledSquare, denominator, update);
    }

    /** {@code grad + decay * param}, a new array. */
    private static INDArray decayed(INDArray grad, INDArray param, float decay) {
        return decay == 0.0f ? grad.dup() : param.mul(decay).addi(grad);
    }
}
