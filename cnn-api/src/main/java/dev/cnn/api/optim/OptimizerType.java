package dev.cnn.api.optim;

import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * One registered optimizer.
 *
 * @param id               its type id, lowercase, such as {@code "adam"}
 * @param type             its configuration class, read from and written to JSON as a record or bean
 * @param withLearningRate its default settings at a given learning rate
 */
public record OptimizerType(String id, Class<? extends OptimizerConfig> type, DoubleFunction<OptimizerConfig> withLearningRate) {
    /** Checks that nothing is missing. */
    public OptimizerType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(withLearningRate, "withLearningRate");
    }
}
