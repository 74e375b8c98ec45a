package dev.cnn.api.network;

import dev.cnn.api.layer.LayerTypes;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.tensor.Shape;
import java.util.List;
import java.util.Map;

/** Renders the layer table of {@link Network#summary()}. */
final class Summary {
    private Summary() {
    }

    static String of(Network network) {
        NetworkConfig config = network.config();
        List<Shape> shapes = config.layerOutputShapes();
        Map<String, Parameter> parameters = network.parameters();
        StringBuilder sb = new StringBuilder();
        String format = "%-4s %-20s %-16s %12s%n";
        sb.append(String.format(format, "#", "layer", "output shape", "parameters"));
        sb.append(String.format(format, "", "input", config.inputShape(), ""));
        long trainable = 0;
        long fixed = 0;
        for (int i = 0; i < config.layers().size(); i++) {
            String prefix = i + ".";
            long count = 0;
            for (var entry : parameters.entrySet()) {
                if (entry.getKey().startsWith(prefix)) {
                    long size = entry.getValue().shape().size();
                    count += size;
                    if (entry.getValue().trainable()) {
                        trainable += size;
                    } else {
                        fixed += size;
                    }
                }
            }
            sb.append(String.format(format, i, LayerTypes.idOf(config.layers().get(i)), shapes.get(i), String.format("%,d", count)));
        }
        sb.append(String.format("total parameters: %,d (trainable %,d, non-trainable %,d)%n", trainable + fixed, trainable, fixed));
        return sb.toString();
    }
}
