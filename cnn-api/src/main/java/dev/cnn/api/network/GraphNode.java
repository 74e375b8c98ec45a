package dev.cnn.api.network;

import dev.cnn.api.layer.Layer;

/**
 * One node of a {@link GraphNetwork} at run time: its layer, the layer that runs in its place (itself, or a fused
 * stand-in from {@link ReluPoolPass}), and the slots of its inputs and output.
 */
final class GraphNode {
    final String name;
    final Layer layer;
    Layer runtime;
    /** What runs for inference: the runtime, or a stand-in from {@link ConvBatchNormPass}. */
    Layer inference;
    final int[] inputs;
    final int output;
    final boolean needsGradient;
    boolean[] inputsNeedGradient;

    GraphNode(String name, Layer layer, int[] inputs, int output, boolean needsGradient) {
        this.name = name;
        this.layer = layer;
        this.runtime = layer;
        this.inference = layer;
        this.inputs = inputs;
        this.output = output;
        this.needsGradient = needsGradient;
    }
}
