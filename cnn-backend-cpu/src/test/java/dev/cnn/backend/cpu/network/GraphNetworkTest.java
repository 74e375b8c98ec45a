package dev.cnn.backend.cpu.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.HeadEvaluation;
import dev.cnn.api.eval.HeadEvaluator;
import dev.cnn.api.layers.Add;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.GlobalAvgPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingHistory;
import dev.cnn.backend.cpu.training.Stripes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphNetworkTest {
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;

    /** A residual net on the stripes with two heads: the class, and "is it a line of the image's edge half" (2 classes). */
    private GraphNetwork twoHeads() {
        return new GraphBuilder().addInput("image", Stripes.SHAPE)
                .add("stem", Conv2D.of(6, 3).withPadding(1), "image")
                .add("stem_relu", new ReLU(), "stem")
                .add("conv_a", Conv2D.of(6, 3).withPadding(1), "stem_relu")
                .add("relu_a", new ReLU(), "conv_a")
                .add("sum", new Add(), "stem_relu", "relu_a")
                .add("pool", new GlobalAvgPool2D(), "sum")
                .add("flat", new Flatten(), "sum")
                .add("classes", Dense.of(3), "flat")
                .add("mse", Dense.of(3), "pool")
                .setOutputs("classes", "mse")
                .optSeed(3).build(cpu);
    }

    @Test
    void parametersAreNamedByNodeAndASharedLayerAppearsOnce() {
        GraphNetwork net = new GraphBuilder().addInput("a", 4).addInput("b", 4)
                .add("encode", Dense.of(3), "a").addShared("encode_b", "encode", "b")
                .add("sum", new Add(), "encode", "encode_b").build(cpu);
        assertEquals(List.of("encode.weight", "encode.bias"), List.copyOf(net.parameters().keySet()));
        assertSame(net.layer("encode").parameters().get(0).value(), net.layer("encode_b").parameters().get(0).value());
        Tensor a = cpu.tensor(new float[] {1, 2, 3, 4}, Shape.of(1, 4));
        Tensor b = cpu.tensor(new float[] {-1, 0, 5, 2}, Shape.of(1, 4));
        float[] sum = net.forward(Map.of("a", a, "b", b), false).get("sum").toArray();
        float[] alone = new float[3];
        float[] ea = net.layer("encode").forward(a, false).toArray();
        float[] eb = net.layer("encode").forward(b, false).toArray();
        for (int i = 0; i < 3; i++) {
            alone[i] = ea[i] + eb[i];
        }
        assertArrayEquals(alone, sum, 1e-6f);
    }

    @Test
    void sequentialNodesAreNamedByTypeAndInsertingAGraphNodeRenamesNoOther() {
        Sequential seq = Sequential.builder().setInputShape(1, 8, 8).add(Conv2D.of(2, 3), new ReLU(), new Flatten(),
                Dense.of(3)).build(cpu);
        assertEquals(List.of("conv2d_1.weight", "conv2d_1.bias", "dense_1.weight", "dense_1.bias"),
                List.copyOf(seq.parameters().keySet()));
        GraphNetwork before = new GraphBuilder().addInput("x", 5).add("first", Dense.of(4), "x")
                .add("last", Dense.of(2), "first").build(cpu);
        GraphNetwork after = new GraphBuilder().addInput("x", 5).add("first", Dense.of(4), "x")
                .add("inserted", Dense.of(4), "first").add("last", Dense.of(2), "inserted").build(cpu);
        assertTrue(after.parameters().keySet().containsAll(before.parameters().keySet()));
    }

    @Test
    void summaryShowsInputsShapesParametersAndTotals() {
        String summary = twoHeads().summary();
        assertTrue(summary.contains("stem_relu, relu_a"), summary);
        assertTrue(summary.matches("(?s).*sum\\s+add\\s+stem_relu, relu_a\\s+\\[6, 8, 8]\\s+0.*"), summary);
        assertTrue(summary.matches("(?s).*conv_a\\s+conv2d\\s+stem_relu\\s+\\[6, 8, 8]\\s+330.*"), summary);
        assertTrue(summary.contains("total parameters: 1,566") && summary.contains("outputs: classes, mse"), summary);
    }

    @Test
    void twoHeadsTrainOnTheWeightedSumAndAreScoredEachByItsKind() throws Exception {
        Dataset train = Stripes.make(240, 1);
        Dataset test = Stripes.make(90, 2);
        GraphNetwork net = twoHeads();
        List<Head> heads = List.of(new Head("classes", Loss.SOFTMAX_CROSS_ENTROPY, 1, train.classNames()),
                new Head("mse", Loss.MEAN_SQUARED_ERROR, 0.5, List.of()));
        Trainer trainer = Trainer.builder().setNetwork(net).setHeads(heads).setOptimizer(OptimizerConfig.adam(0.01))
                .optBatchSize(16).optEpochs(4).build();
        TrainingHistory history = trainer.fit(train, test);
        assertTrue(history.epochs().get(3).trainLoss() < history.epochs().get(0).trainLoss() * 0.7, history.toString());

        Map<String, HeadEvaluation> scores = HeadEvaluator.evaluate(net, heads, test, 32);
        assertTrue(scores.get("classes").classes().accuracy() > 0.9, "accuracy " + scores.get("classes").classes().accuracy());
        assertNull(scores.get("mse").classes());
        assertTrue(scores.get("mse").loss() < 0.2, "mse " + scores.get("mse").loss());
        assertEquals(scores.get("classes").classes().accuracy(), history.epochs().get(3).validationAccuracy(), 1e-12);

        Model model = new Model(net, heads, Normalization.identity());
        Path file = dir.resolve("two-heads.cnn");
        model.save(file, trainer.optimizer());
        Model.Loaded loaded = Model.loadWithState(file, cpu);
        assertEquals(heads, loaded.model().heads());
        assertEquals(net.graph(), loaded.model().network().graph());
        float[] images = test.gatherFeatures(new int[] {0, 1, 2});
        Map<String, float[][]> want = model.predict(images, 3);
        Map<String, float[][]> got = loaded.model().predict(images, 3);
        for (String head : List.of("classes", "mse")) {
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(want.get(head)[i], got.get(head)[i], head);
            }
        }
        assertEquals(trainer.optimizer().step(), loaded.optimizer().step());
    }

    @Test
    void headsMustNameOutputsAndMatchTheirSizes() {
        GraphNetwork net = twoHeads();
        var unknown = assertThrows(IllegalArgumentException.class, () -> new Model(net,
                List.of(Head.of("flat", Loss.SOFTMAX_CROSS_ENTROPY, List.of("a", "b", "c"))), Normalization.identity()));
        assertTrue(unknown.getMessage().contains("head 'flat' is no output") && unknown.getMessage().contains("[classes, mse]"),
                unknown.getMessage());
        var size = assertThrows(IllegalArgumentException.class, () -> new Model(net,
                List.of(Head.of("classes", Loss.SOFTMAX_CROSS_ENTROPY, List.of("a", "b"))), Normalization.identity()));
        assertTrue(size.getMessage().contains("'classes' has 3 values but 2 names"), size.getMessage());
        var single = assertThrows(IllegalStateException.class, () -> Trainer.builder().setNetwork(net)
                .setLoss(Loss.SOFTMAX_CROSS_ENTROPY).setOptimizer(OptimizerConfig.adam(0.01)).build());
        assertTrue(single.getMessage().contains("addHead"), single.getMessage());
    }

    @Test
    void aNetworkWithTwoInputsIsRefusedByWhatFeedsOneImageAtATime() {
        GraphNetwork net = new GraphBuilder().addInput("a", Stripes.SHAPE).addInput("b", Stripes.SHAPE)
                .add("sum", new Add(), "a", "b").add("flat", new Flatten(), "sum").add("logits", Dense.of(3), "flat")
                .build(cpu);
        var trainer = Trainer.builder().setNetwork(net).setLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                .setOptimizer(OptimizerConfig.adam(0.01)).build();
        var e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(Stripes.make(8, 1), null));
        assertTrue(e.getMessage().contains("inputs [a, b]"), e.getMessage());
        var m = assertThrows(IllegalArgumentException.class, () -> new Model(net, Loss.SOFTMAX_CROSS_ENTROPY,
                List.of("h", "v", "d"), Normalization.identity()));
        assertTrue(m.getMessage().contains("inputs [a, b]"), m.getMessage());
    }
}
