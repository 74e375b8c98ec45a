package dev.cnn.api.optim;

import java.util.List;

/** Registers the built-in optimizers; SGD's default has momentum 0.9 and AdamW's weight decay 0.01. */
public final class BuiltinOptimizerTypes implements OptimizerTypeProvider {
    @Override
    public List<OptimizerType> optimizerTypes() {
        return List.of(new OptimizerType("sgd", Sgd.class, lr -> OptimizerConfig.sgd(lr, 0.9)),
                new OptimizerType("adam", Adam.class, OptimizerConfig::adam),
                new OptimizerType("adamw", AdamW.class, lr -> OptimizerConfig.adamW(lr, 0.01)),
                new OptimizerType("rmsprop", RmsProp.class, OptimizerConfig::rmsProp));
    }
}
