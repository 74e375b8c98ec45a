package dev.cnn.models;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.layers.AvgPool2D;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.DepthwiseConv2D;
import dev.cnn.api.layers.GlobalAvgPool2D;
import dev.cnn.api.layers.SeparableConv2D;
import dev.cnn.api.layers.Dropout;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.layers.Tanh;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Head;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.network.NetworkConfig;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Ready-made architectures. Each takes the shape of one input image and the number of classes and
 * ends in raw class scores (logits), to train with softmax cross-entropy; the {@linkplain #tagged() tagged} preset
 * {@code tagger} also takes the number of tags and has a second output of tag scores ({@link #heads} says how each
 * output trains).
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
    },
    /**
     * VGG-style stacks of 3x3 convolutions with batch norm, for 28x28 grey and 32x32 colour images: two blocks of two
     * convolutions (32, then 64 maps) each ending in 2x2 max-pooling, then dense 128 and the classes.
     */
    VGG_SMALL("vgg-small", "vgg: 2x(conv3 32 bn relu), max 2, 2x(conv3 64 bn relu), max 2, dense 128 bn relu, dropout 0.3, dense") {
        @Override
        List<LayerConfig> layers(Shape input, int classes) {
            List<LayerConfig> layers = new ArrayList<>();
            for (int width : new int[] {32, 64}) {
                for (int k = 0; k < 2; k++) {
                    layers.addAll(List.of(Conv2D.of(width, 3).withPadding(1).withBias(false), BatchNorm.of(), new ReLU()));
                }
                layers.add(MaxPool2D.of(2));
            }
            layers.addAll(List.of(new Flatten(), new Dense(128, false, dev.cnn.api.layer.Initializer.XAVIER), BatchNorm.of(), new ReLU(),
                    new Dropout(0.3), Dense.of(classes)));
            return layers;
        }
    },
    /**
     * Aimed at the best MNIST accuracy under 1M parameters, with its {@linkplain #recipe() recipe}: vgg-small with
     * dropout 0.25 after each block and 0.5 before the classes, about 470,000 parameters on 28x28 images.
     */
    MNIST_BEST("mnist-best", "vgg-small with dropout 0.25 after each block and 0.5 before the classes; trains with its recipe") {
        @Override
        List<LayerConfig> layers(Shape input, int classes) {
            return vggWithDropout(128, classes);
        }
    },
    /**
     * Aimed at the best Fashion-MNIST accuracy under 1M parameters: vgg-small with dropout after each block and a wider
     * dense layer (256), about 870,000 parameters on 28x28 images; trains with its {@linkplain #recipe() recipe}.
     */
    FASHION_BEST("fashion-best", "vgg-small with dropout 0.25 after each block and dense 256: best under 1M parameters on fashion-mnist") {
        @Override
        List<LayerConfig> layers(Shape input, int classes) {
            return vggWithDropout(256, classes);
        }
    },
    /**
     * Depthwise-separable blocks for few parameters (about 30,000): a 3x3 stem of 32 maps, separable 3x3 convolutions
     * of 64, then 128 and 128 maps with batch norm, max-pooling after the first and third, global average pooling.
     */
    SEPARABLE_SMALL("separable-small", "depthwise-separable: conv3 32, sep3 64, max 2, sep3 128, sep3 128, max 2, global avg pool, dense") {
        @Override
        List<LayerConfig> layers(Shape input, int classes) {
            List<LayerConfig> layers = new ArrayList<>(List.of(Conv2D.of(32, 3).withPadding(1).withBias(false),
                    BatchNorm.of(), new ReLU()));
            int[] widths = {64, 128, 128};
            for (int i = 0; i < widths.length; i++) {
                layers.addAll(List.of(new SeparableConv2D(widths[i], DepthwiseConv2D.of(3).withPadding(1), false),
                        BatchNorm.of(), new ReLU()));
                if (i != 1) {
                    layers.add(MaxPool2D.of(2));
                }
            }
            layers.addAll(List.of(new GlobalAvgPool2D(), Dense.of(classes)));
            return layers;
        }
    },
    /**
     * A small residual net on the graph network: a 3x3 stem of 16 maps, residual blocks of 16, 32 and 64 maps (the later
     * two halving the size, with projection shortcuts), global average pooling, dense to the classes.
     */
    RESNET_SMALL("resnet-small", "residual: stem conv3 16, blocks of 16, 32/2, 64/2 maps with skip connections, global avg pool, dense") {
        @Override
        GraphConfig graph(Shape input, int classes) {
            return ResidualNet.graph(input, classes, 16, 32, 64);
        }
    },
    /**
     * The image tagger: a trunk of four 3x3 conv-batch-norm-ReLU blocks (16, 32, 64, 128 maps, the first three
     * max-pooled), global average pooling, and two heads: {@code class} (softmax over the classes) and {@code tags} (a
     * sigmoid per tag), trained on the class loss plus 4 times the tag loss. Needs the tag count.
     */
    TAGGER("tagger", "two heads on one trunk: conv3 16/32/64/128 bn relu (max 2 after the first three), global avg pool;"
            + " class: dense classes (softmax); tags: dense tags (sigmoid each)") {
        @Override
        GraphConfig graph(Shape input, int classes) {
            throw new IllegalArgumentException("tagger has a head with a sigmoid per tag, so it needs the number of tags"
                    + " too: graphConfig(input, classes, tags) or build(input, classes, tags, backend, seed)");
        }

        @Override
        GraphConfig graph(Shape input, int classes, int tags) {
            return TaggerNet.graph(input, classes, tags);
        }

        @Override
        public boolean tagged() {
            return true;
        }

        @Override
        public List<Head> heads(List<String> classNames, List<String> tagNames) {
            requireClasses(classNames.size());
            requireTags(tagNames.size());
            return TaggerNet.heads(classNames, tagNames);
        }
    };

    private final String id;
    private final String description;

    Preset(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /**
     * Two VGG blocks (two 3x3 convolutions of 32, then of 64 maps, with batch norm, each block ending in 2x2
     * max-pooling and dropout 0.25), then a dense layer of {@code dense} with batch norm and dropout 0.5.
     */
    private static List<LayerConfig> vggWithDropout(int dense, int classes) {
        List<LayerConfig> layers = new ArrayList<>();
        for (int width : new int[] {32, 64}) {
            for (int k = 0; k < 2; k++) {
                layers.addAll(List.of(Conv2D.of(width, 3).withPadding(1).withBias(false), BatchNorm.of(), new ReLU()));
            }
            layers.addAll(List.of(MaxPool2D.of(2), new Dropout(0.25)));
        }
        layers.addAll(List.of(new Flatten(), new Dense(dense, false, dev.cnn.api.layer.Initializer.XAVIER), BatchNorm.of(),
                new ReLU(), new Dropout(0.5), Dense.of(classes)));
        return layers;
    }

    /**
     * The training this preset is meant for (epochs, batch, optimizer, schedule, augmentation and the rest), which
     * {@code ./cnn train} follows where its options say nothing else; empty for the presets that train with the
     * command line's defaults.
     */
    public java.util.Optional<dev.cnn.api.train.TrainingRecipe> recipe() {
        return PresetRecipes.of(this);
    }

    /** The layers of a chain-shaped preset; null for presets that are graphs. */
    List<LayerConfig> layers(Shape input, int classes) {
        return null;
    }

    /** The graph of this preset; for a chain, the chain as a graph. */
    GraphConfig graph(Shape input, int classes) {
        return new NetworkConfig(input, layers(input, classes)).toGraph();
    }

    /** The graph of a tagged preset; the others have no tag head. */
    GraphConfig graph(Shape input, int classes, int tags) {
        throw new IllegalArgumentException(id + " has no tag head, only class scores; use graphConfig(input, classes),"
                + " or the tagger preset to learn tags");
    }

    /**
     * Whether the preset has a tag head besides its class head, and so needs the tag count ({@link #graphConfig(Shape,
     * int, int)}) and a tagged dataset.
     */
    public boolean tagged() {
        return false;
    }

    /**
     * How each output of the preset's network trains and what its values are called: for the class-only presets one
     * head on the class scores (softmax cross-entropy, named by {@code classNames}); for {@code tagger} also the tag
     * head (binary cross-entropy per tag, named by {@code tagNames}). Ignores {@code tagNames} for presets without a
     * tag head.
     */
    public List<Head> heads(List<String> classNames, List<String> tagNames) {
        requireClasses(classNames.size());
        GraphConfig graph = graph(Shape.of(1, 32, 32), classNames.size());
        return List.of(Head.of(graph.outputs().get(0), Loss.SOFTMAX_CROSS_ENTROPY, classNames));
    }

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
        requireClasses(classes);
        List<LayerConfig> layers = layers(input, classes);
        if (layers == null) {
            throw new IllegalArgumentException(id + " is a graph network with skip connections, not a chain of layers;"
                    + " use graphConfig(...) or build(...)");
        }
        return new NetworkConfig(input, layers);
    }

    /** Whether the preset is a plain chain of layers (a {@link Sequential}). */
    public boolean sequential() {
        return layers(Shape.of(1, 28, 28), 10) != null;
    }

    /**
     * The architecture as a graph, for images of shape {@code input} and {@code classes} classes; its one output is
     * the class scores.
     *
     * @throws dev.cnn.api.layer.ShapeMismatchException when the images are too small for the preset
     */
    public GraphConfig graphConfig(Shape input, int classes) {
        requireClasses(classes);
        return graph(input, classes);
    }

    /**
     * The architecture of a {@linkplain #tagged() tagged} preset for images of shape {@code input}, {@code classes}
     * classes and {@code tags} tags; its outputs are the class scores and the tag scores, named as in {@link #heads}.
     *
     * @throws IllegalArgumentException when the preset has no tag head, or there are under 2 classes or no tags
     */
    public GraphConfig graphConfig(Shape input, int classes, int tags) {
        requireClasses(classes);
        requireTags(tags);
        return graph(input, classes, tags);
    }

    /** The network on {@code backend}, weights drawn from {@code seed}: a {@link Sequential} for chain presets. */
    public GraphNetwork build(Shape input, int classes, Backend backend, long seed) {
        return sequential() ? Sequential.of(config(input, classes), backend, seed)
                : GraphNetwork.of(graphConfig(input, classes), backend, seed);
    }

    /**
     * The network of a {@linkplain #tagged() tagged} preset on {@code backend}, weights drawn from {@code seed}.
     *
     * @throws IllegalArgumentException when the preset has no tag head
     */
    public GraphNetwork build(Shape input, int classes, int tags, Backend backend, long seed) {
        return GraphNetwork.of(graphConfig(input, classes, tags), backend, seed);
    }

    private static void requireClasses(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
    }

    private static void requireTags(int tags) {
        if (tags < 1) {
            throw new IllegalArgumentException("a tagger needs at least 1 tag, got " + tags + "; train it on a dataset"
                    + " with tags (such as shapes, or an image folder with tags.csv)");
        }
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
