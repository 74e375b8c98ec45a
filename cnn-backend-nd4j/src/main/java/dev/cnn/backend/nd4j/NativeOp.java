package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
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

    /**
     * Runs the operation with libnd4j's platform helpers (oneDNN) allowed or not, for this call only: the setting
     * is the call's context, not the process-wide environment, so other threads' operations keep theirs.
     */
    void run(boolean helpers) {
        if (helpers) {
            run();
            return;
        }
        DynamicCustomOp op = builder.build();
        try (OpContext context = Nd4j.getExecutioner().buildContext()) {
            context.setInputArrays(op.inputArguments());
            context.setOutputArrays(op.outputArguments());
            context.setIArguments(op.iArgs());
            context.setTArguments(op.tArgs());
            context.allowHelpers(false);
            Nd4j.exec(op, context);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
