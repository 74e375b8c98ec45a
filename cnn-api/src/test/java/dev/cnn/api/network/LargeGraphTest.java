package dev.cnn.api.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.tensor.Shape;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A graph of 100,000 nodes (the most a model file may hold) is checked, named and searched in time linear in its nodes:
 * finding each node by name used to scan the list from the start, so a chain of 50,000 took half a minute to load.
 */
class LargeGraphTest {
    private static final int NODES = 100_000;
    /** Linear work on 100,000 nodes takes well under a second; a scan per node takes minutes. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void everyNodeOfAChainOf100000IsFoundByNameQuickly() {
        assertTimeoutPreemptively(BOUND, () -> {
            NetworkConfig chain = new NetworkConfig(Shape.of(2), Collections.nCopies(NODES, (LayerConfig) new ReLU()));
            GraphConfig graph = chain.toGraph();
            List<String> order = graph.order();
            assertEquals(NODES, order.size());
            String previous = NetworkConfig.INPUT;
            for (String name : order) {
                assertEquals(List.of(previous), graph.node(name).inputs());
                assertEquals(ReLU.class, graph.layerOf(name).getClass());
                previous = name;
            }
            assertEquals("relu_" + NODES, previous);
        });
    }
}
