package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs one libnd4j custom operation by name, writing into outputs the caller allocated. Integer
 * arguments must follow the order of the operation's declaration in libnd4j.
 */
final class NativeOp {
    private final DynamicCustomOp.DynamicCustomOpsBuilder builder;

    private NativeOp(String name) {
        this.builder = DynamicCustomOp.builder(name);
    }

    static NativeOp named(String name) {
        return new NativeOp(name);
    }

    NativeOp inputs(INDArray... inputs) {
        builder.addInputs(inputs);
        return this;
    }

    NativeOp outputs(INDArray... outputs) {
        builder.addOutputs(outputs);
        return this;
    }

    NativeOp integers(int... arguments) {
        builder.addIntegerArguments(arguments);
        return this;
    }

    NativeOp floats(double... arguments) {
        Double[] boxed = new Double[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            boxed[i] = arguments[i];
        }
        builder.addFloatingPointArguments(boxed);
        return this;
    }

    void run() {
        Nd4j.exec(builder.build());
    }
}
