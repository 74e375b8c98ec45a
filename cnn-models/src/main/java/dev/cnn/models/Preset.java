package dev.cnn.models;

import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layers.AvgPool2D;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.layers.Tanh;
import dev.cnn.api.network.NetworkConfig;
import dev.cnn.api.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Ready-made architectures. Each takes the shape of one input image and the number of classes and
 * ends in raw class scores (logits), to train with softmax cross-entropy.
 */
public enum Preset {
    /** The fully connected ("adjacent") net: flatten, dense 100 ReLU, dense to the classes. Ignores spatial structure. */
    MLP("mlp", "fully connected: flatten, dense 100 relu, dense classes") {
        @Override
        List<LayerConfig> layers(Shape input, int classes) {
            return List.of(new Flatten(), Dense.of(100), new ReLU(), Dense.of(classes));
        }
    },
    /**
     * The classic picture: 5x5 local receptive fields with shared weights make 3 feature maps of 24x24
     * from a 28x28 image, 2x2 max-pooling shrinks them to 12x12, a dense layer reads the classes.
     */
    CONV_3MAPS("conv-3maps", "conv 5x5x3 relu, max-pool 2, dense classes") {
        @Override
        List<LayerConfig> layers(Shape input, int classes) {
            return List.of(Conv2D.of(3, 5), new ReLU(), MaxPool2D.of(2), new Flatten(), Dense.of(classes));
        }
    },
    /** Two conv-pool stages then two dense layers: 85,670 parameters on MNIST, 99% in 3 epochs. */
    CONV_20_40("conv-20-40", "conv 5x5x20 relu, max 2, conv 5x5x40 relu, max 2, dense 100 relu, dense classes") {
        @Override
        List<LayerConfig> layers(Shape input, int classes) {
            return List.of(Conv2D.of(20, 5), new ReLU(), MaxPool2D.of(2),
                    Conv2D.of(40, 5), new ReLU(), MaxPool2D.of(2),
                    new Flatten(), Dense.of(100), new ReLU(), Dense.of(classes));
        }
    },
    /** LeCun's LeNet-5 with tanh and average pooling; pads 28x28 inputs to 32x32 in its first convolution. */
    LENET5("lenet5", "LeNet-5: conv 6, avg-pool, conv 16, avg-pool, dense 120, 84, classes (tanh)") {
        @Override
        List<LayerConfig> layers(Shape input, int classes) {
            int pad = input.dim(1) < 32 ? (32 - input.dim(1) + 1) / 2 : 0;
            return List.of(Conv2D.of(6, 5).withPadding(pad), new Tanh(), AvgPool2D.of(2),
                    Conv2D.of(16, 5), new Tanh(), AvgPool2D.of(2),
                    new Flatten(), Dense.of(120), new Tanh(),
                    Dense.of(84), new Tanh(),
                    Dense.of(classes));
        }
    },
    /** conv-20-40 with batch normalisation after each convolution and the hidden dense layer. */
    CONV_20_40_BN("conv-20-40-bn", "conv-20-40 with batch norm after each conv and the hidden dense layer") {
        @Override
        List<LayerConfig> layers(Shape input, int classes) {
            List<LayerConfig> layers = new ArrayList<>();
            layers.addAll(List.of(Conv2D.of(20, 5), BatchNorm.of(), new ReLU(), MaxPool2D.of(2),
                    Conv2D.of(40, 5), BatchNorm.of(), new ReLU(), MaxPool2D.of(2),
                    new Flatten(), Dense.of(100), BatchNorm.of(), new ReLU(), Dense.of(classes)));
            return layers;
        }
    };

    private final String id;
    private final String description;

    Preset(String id, String description) {
        this.id = id;
        this.description = description;
    }

    abstract List<LayerConfig> layers(Shape input, int classes);

    /** The name used on the command line, such as {@code "conv-20-40"}. */
    public String id() {
        return id;
    }

    /** One line saying what the preset is. */
    public String description() {
        return description;
    }

    /**
     * The architecture for images of shape {@code input} ({@code [C, H, W]}) and {@code classes} classes.
     *
     * @throws dev.cnn.api.layer.ShapeMismatchException when the images are too small for the preset
     */
    public NetworkConfig config(Shape input, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        return new NetworkConfig(input, layers(input, classes));
    }

    /** The preset with the given id. */
    public static Preset fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model preset '" + id + "'; known: " + ids()));
    }

    /** Every preset id, comma separated. */
    public static String ids() {
        return Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", "));
    }
}
