package dev.cnn.backend.cpu.optim;

import dev.cnn.api.optim.OptimizerType;
import dev.cnn.api.optim.OptimizerTypeProvider;
import java.util.List;

/** Registers {@link HeavyBall} as a third party would, through {@code META-INF/services}. */
public final class HeavyBallProvider implements OptimizerTypeProvider {
    @Override
    public List<OptimizerType> optimizerTypes() {
        return List.of(new OptimizerType("heavy_ball", HeavyBall.class, lr -> new HeavyBall(lr, 0.9, null)));
    }
}
