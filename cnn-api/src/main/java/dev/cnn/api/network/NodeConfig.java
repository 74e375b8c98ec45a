package dev.cnn.api.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cnn.api.layer.LayerConfig;
import java.util.List;

/**
 * One node of a graph network: a layer applied to the outputs of other nodes (or of network inputs).
 *
 * @param name   a name unique in the network: letters, digits, {@code _} and {@code -}; its parameters are named
 *               after it ({@code conv1.weight})
 * @param layer  the layer; null when the node {@code shares} another node's layer
 * @param inputs the names of the nodes or network inputs it reads, in the order the layer takes them
 * @param shares null, or the name of an earlier node whose layer (and so whose weights) this node uses too
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeConfig(String name, LayerConfig layer, List<String> inputs, String shares) {

    /** Copies the input list; names are checked when the whole graph is. */
    public NodeConfig {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    /** A node with its own layer. */
    public static NodeConfig of(String name, LayerConfig layer, String... inputs) {
        return new NodeConfig(name, layer, List.of(inputs), null);
    }
}
