package dev.cnn.api.network;

import dev.cnn.api.layer.Layer;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.layer.ShapeMismatchException;
import java.util.List;

/** A node that shares the layer of an earlier node: its layer's parameters are tied to those of the owner's layer. */
final class SharedWeights {
    private SharedWeights() {
    }

    /** Ties the parameters of a second node's layer to those of the first node using that layer. */
    static void tie(String name, Layer layer, Layer owner) {
        List<Parameter> mine = layer.parameters();
        List<Parameter> theirs = owner.parameters();
        if (mine.size() != theirs.size()) {
            throw new ShapeMismatchException("node '" + name + "' cannot share a layer whose parameters differ: "
                    + mine.size() + " against " + theirs.size());
        }
        for (int i = 0; i < mine.size(); i++) {
            try {
                mine.get(i).tieTo(theirs.get(i));
            } catch (IllegalArgumentException e) {
                throw new ShapeMismatchException("node '" + name + "': " + e.getMessage());
            }
        }
    }
}
