package dev.cnn.api.layers;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layer.LayerTypeProvider;
import java.util.Map;

/** Registers the type ids of the layers that come with the framework. */
public final class BuiltinLayerTypes implements LayerTypeProvider {

    @Override
    public Map<String, Class<? extends LayerConfig>> layerTypes() {
        return Map.ofEntries(
                Map.entry("conv2d", Conv2D.class),
                Map.entry("dense", Dense.class),
                Map.entry("max_pool2d", MaxPool2D.class),
                Map.entry("avg_pool2d", AvgPool2D.class),
                Map.entry("global_avg_pool2d", GlobalAvgPool2D.class),
                Map.entry("global_max_pool2d", GlobalMaxPool2D.class),
                Map.entry("flatten", Flatten.class),
                Map.entry("dropout", Dropout.class),
                Map.entry("batch_norm", BatchNorm.class),
                Map.entry("relu", ReLU.class),
                Map.entry("leaky_relu", LeakyReLU.class),
                Map.entry("sigmoid", Sigmoid.class),
                Map.entry("tanh", Tanh.class),
                Map.entry("softmax", Softmax.class),
                Map.entry("add", Add.class),
                Map.entry("concatenate", Concatenate.class),
                Map.entry("depthwise_conv2d", DepthwiseConv2D.class),
                Map.entry("separable_conv2d", SeparableConv2D.class),
                Map.entry("grouped_conv2d", GroupedConv2D.class),
                Map.entry("pad2d", Pad2D.class));
    }
}
