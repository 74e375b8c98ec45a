package dev.cnn.api.optim;

import java.util.List;

/**
 * A {@link java.util.ServiceLoader} service that registers optimizers under type ids. A user's own optimizer joins by
 * listing a provider in {@code META-INF/services/dev.cnn.api.optim.OptimizerTypeProvider}.
 */
public interface OptimizerTypeProvider {

    /** The optimizers this provider registers. */
    List<OptimizerType> optimizerTypes();
}
