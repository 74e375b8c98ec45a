package dev.cnn.api.loss;

import java.util.Map;

/**
 * A {@link java.util.ServiceLoader} service that registers losses under logical type ids. A user's own loss joins by
 * listing a provider in {@code META-INF/services/dev.cnn.api.loss.LossTypeProvider}; model files then name it by id.
 * A registered class needs a public constructor without arguments (its default settings) for {@link Loss#fromId}.
 */
public interface LossTypeProvider {

    /** Type ids (lowercase, for example {@code "softmax_cross_entropy"}) mapped to their classes. */
    Map<String, Class<? extends Loss>> lossTypes();
}
