package dev.cnn.spark;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.model.ModelDescription;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.train.FlatParameters;
import dev.cnn.api.train.Trainer;

/**
 * One copy of the network on an executor, built from its {@link NetworkSpec} on the executor's best backend
 * ({@link Backends#select()}), with a trainer for computing gradients (gradient averaging) or taking local steps
 * (parameter averaging). Kept by {@link ReplicaCache} for the whole run, so that each step only loads new values.
 */
final class Replica {
    private final GraphNetwork network;
    private final Trainer trainer;
    private final FlatParameters flat;

    Replica(NetworkSpec spec) {
        ModelDescription description = spec.description();
        Backend backend = Backends.select();
        this.network = GraphNetwork.of(description.graph(), backend, 0);
        this.trainer = Trainer.builder().setNetwork(network).setHeads(description.heads())
                .setOptimizer(description.optimizer()).build();
        this.flat = trainer.flatParameters();
    }

    Trainer trainer() {
        return trainer;
    }

    Optimizer optimizer() {
        return trainer.optimizer();
    }

    FlatParameters flat() {
        return flat;
    }

    String backendName() {
        return network.backend().name();
    }
}
