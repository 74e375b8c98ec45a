package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.layers.Add;
import dev.cnn.api.layers.BatchNorm;
import dev.cnn.api.layers.Concatenate;
import dev.cnn.api.layers.Conv2D;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.layers.MaxPool2D;
import dev.cnn.api.layers.ReLU;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphBuilder;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.Trainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The model-file reader against damaged and hostile files: a valid version-2 file (a graph with a residual add, a
 * concatenation, a shared layer and two heads, saved with Adam's state) and the committed version-1 file, truncated,
 * with bytes flipped, and with fields of {@code model.json} and {@code parameters.json} edited (shapes, type ids,
 * sizes up to 2^31 and beyond, node names, edges that close a cycle, versions from the future). Every load either
 * succeeds or ends, within seconds, in the one documented {@link ModelFormatException}: never an out-of-memory error,
 * a hang or another exception.
 */
class ModelReaderFuzzTest {
    private static final long MAX_MILLIS_PER_LOAD = 5_000;
    /** What a refusal in the format's terms never says. */
    private static final List<String> JACKSON_OR_JAVA = List.of("Cannot construct instance", "Unrecognized field",
            "not marked as ignorable", "Could not resolve", "Cannot deserialize", "(class dev.cnn", "`dev.cnn",
            "NullPointerException", "Cannot invoke");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Backend CPU = Backends.select("cpu");
    private static Path dir;
    private static Path graphFile;
    private static Path legacyFile;

    @BeforeContainer
    static void makeFiles() throws IOException {
        dir = Files.createTempDirectory("model-fuzz");
        GraphNetwork net = new GraphBuilder().addInput("image", 1, 8, 8)
                .add("stem", Conv2D.of(3, 3).withPadding(1), "image")
                .add("bn", BatchNorm.of(), "stem")
                .add("relu", new ReLU(), "bn")
                .add("sum", new Add(), "stem", "relu")
                .add("side", Conv2D.of(2, 1), "image")
                .add("joined", new Concatenate(), "sum", "side")
                .add("pool", MaxPool2D.of(2), "joined")
                .add("flat", new Flatten(), "pool")
                .add("classes", Dense.of(3), "flat")
                .addShared("classes_again", "classes", "flat")
                .setOutputs("classes", "classes_again").build(CPU);
        List<Head> heads = List.of(new Head("classes", Loss.SOFTMAX_CROSS_ENTROPY, 1, List.of("a", "b", "c")),
                new Head("classes_again", Loss.MEAN_SQUARED_ERROR, 0.5, List.of()));
        Trainer trainer = Trainer.builder().setNetwork(net).setHeads(heads).setOptimizer(OptimizerConfig.adam(0.01))
                .optBatchSize(16).build();
        trainer.fit(Stripes.make(32, 4), null);
        graphFile = dir.resolve("graph.cnn");
        new Model(net, heads, Normalization.identity()).save(graphFile, trainer.optimizer());
        legacyFile = dir.resolve("v1.cnn");
        try (InputStream in = ModelReaderFuzzTest.class.getResourceAsStream("/models/v1-sequential.cnn")) {
            Files.copy(in, legacyFile);
        }
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Example
    void theUndamagedFilesLoad() throws IOException {
        assertEquals(2, Model.load(graphFile, CPU).heads().size());
        assertEquals(10, Model.load(legacyFile, CPU).classNames().size());
    }

    @Property(tries = 60)
    void truncatedFiles(@ForAll boolean legacy, @ForAll @IntRange(min = 0, max = 1_000_000) int cut) throws IOException {
        byte[] bytes = Files.readAllBytes(source(legacy));
        byte[] shorter = java.util.Arrays.copyOf(bytes, (int) ((long) cut * (bytes.length - 1) / 1_000_000));
        assertLoadsOrFailsCleanly(write("truncated", shorter));
    }

    @Property(tries = 120)
    void flippedBytes(@ForAll boolean legacy, @ForAll("positions") List<Integer> positions,
                      @ForAll @IntRange(min = 1, max = 255) int mask) throws IOException {
        byte[] bytes = Files.readAllBytes(source(legacy));
        for (int p : positions) {
            bytes[(int) ((long) p * bytes.length / 1_000_000)] ^= (byte) mask;
        }
        assertLoadsOrFailsCleanly(write("flipped", bytes));
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().between(0, 999_999).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 250)
    void editedModelJsonValues(@ForAll boolean legacy, @ForAll @IntRange(min = 0, max = 100_000) int which,
                               @ForAll("hostileValues") JsonNode value) throws IOException {
        assertLoadsOrFailsCleanly(edit(source(legacy), "model.json", json -> {
            List<JsonPointer> leaves = leaves(json, "");
            JsonPointer target = leaves.get(which % leaves.size());
            target.set(value);
            return json;
        }));
    }

    @Property(tries = 120)
    void editedParameterIndex(@ForAll boolean legacy, @ForAll @IntRange(min = 0, max = 100_000) int which,
                              @ForAll("hostileValues") JsonNode value) throws IOException {
        assertLoadsOrFailsCleanly(edit(source(legacy), "parameters.json", json -> {
            List<JsonPointer> leaves = leaves(json, "");
            leaves.get(which % leaves.size()).set(value);
            return json;
        }));
    }

    @Property(tries = 60)
    void removedFields(@ForAll boolean legacy, @ForAll @IntRange(min = 0, max = 100_000) int which) throws IOException {
        assertLoadsOrFailsCleanly(edit(source(legacy), "model.json", json -> {
            List<JsonPointer> leaves = leaves(json, "");
            leaves.get(which % leaves.size()).remove();
            return json;
        }));
    }

    /** Adds an edge from a later node to an earlier one (or to itself), which closes a cycle. */
    @Property(tries = 40)
    void edgesThatFormACycle(@ForAll @IntRange(min = 0, max = 1000) int from, @ForAll @IntRange(min = 0, max = 1000) int to)
            throws IOException {
        Path edited = edit(graphFile, "model.json", json -> {
            ArrayNode nodes = (ArrayNode) json.get("graph").get("nodes");
            int earlier = Math.min(from, to) % nodes.size();
            int later = Math.max(from % nodes.size(), earlier);
            ((ArrayNode) nodes.get(earlier).get("inputs")).add(nodes.get(later).get("name").textValue());
            return json;
        });
        try {
            Model.load(edited, CPU);
            fail("a graph with a cycle loaded");
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage().contains("cycle") || e.getMessage().contains("takes one input")
                    || e.getMessage().contains("cannot take"), e.getMessage());
        }
    }

    @Property(tries = 20)
    void versionsFromTheFuture(@ForAll @IntRange(min = 3, max = Integer.MAX_VALUE) int version) throws IOException {
        Path edited = edit(graphFile, "model.json", json -> {
            ((ObjectNode) json).put("formatVersion", version);
            return json;
        });
        try {
            Model.load(edited, CPU);
            fail("a file of format version " + version + " loaded");
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage().contains("version " + version + " is not supported"), e.getMessage());
        }
    }

    @Property(tries = 40)
    void hugeDeclaredShapes(@ForAll boolean legacy, @ForAll @IntRange(min = 0, max = 1000) int which,
                            @ForAll @IntRange(min = 16, max = 40) int log2) throws IOException {
        long size = 1L << log2;
        assertLoadsOrFailsCleanly(edit(source(legacy), "model.json", json -> {
            List<JsonPointer> numbers = new ArrayList<>();
            for (JsonPointer leaf : leaves(json, "")) {
                if (leaf.get().isIntegralNumber()) {
                    numbers.add(leaf);
                }
            }
            numbers.get(which % numbers.size()).set(JsonNodeFactory.instance.numberNode(size));
            return json;
        }));
    }

    @Provide
    Arbitrary<JsonNode> hostileValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.of(0L, -1L, 1L, 2L, 3L, 7L, 1L << 20, (long) Integer.MAX_VALUE, 1L << 31, 1L << 40,
                        Long.MAX_VALUE, Long.MIN_VALUE).map(v -> (JsonNode) f.numberNode(v)),
                Arbitraries.of(0.5, -0.0, 1e308, Double.NaN).map(v -> (JsonNode) f.numberNode(v)),
                Arbitraries.of("conv2d", "add", "concatenate", "dense", "java.lang.ProcessBuilder", "stem", "image",
                        "classes", "sum", "no_such_node", "", "a.b", "x".repeat(500), "softmax_cross_entropy", "unknown")
                        .map(v -> (JsonNode) TextNode.valueOf(v)),
                Arbitraries.of(f.nullNode(), f.booleanNode(true), f.arrayNode(), f.objectNode(),
                        f.arrayNode().add(Integer.MAX_VALUE).add(Integer.MAX_VALUE).add(Integer.MAX_VALUE),
                        f.arrayNode().add(65536).add(65536), f.arrayNode().add("stem").add("stem")));
    }

    private static Path source(boolean legacy) {
        return legacy ? legacyFile : graphFile;
    }

    private static void assertLoadsOrFailsCleanly(Path file) {
        long start = System.nanoTime();
        try {
            Model.Loaded loaded = Model.loadWithState(file, CPU);
            Map<String, float[][]> out = loaded.model().predict(new float[loaded.model().inputShape().size()], 1);
            assertTrue(!out.isEmpty());
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            for (String jacksonOrJava : JACKSON_OR_JAVA) {
                assertFalse(e.getMessage().contains(jacksonOrJava), "a message in Jackson's or Java's terms: " + e.getMessage());
            }
        } catch (dev.cnn.api.eval.NonFiniteOutputException e) {
            // an edit that loads but makes the weights give NaN is caught at prediction, by its own documented exception
        } catch (Throwable e) {
            throw new AssertionError("loading " + file + " threw " + e + " instead of a ModelFormatException", e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < MAX_MILLIS_PER_LOAD, "loading took " + millis + " ms");
    }

    private static Path write(String kind, byte[] bytes) throws IOException {
        Path out = Files.createTempFile(dir, kind, ".cnn");
        Files.write(out, bytes);
        return out;
    }

    /** A copy of {@code file} whose entry {@code name} (JSON) is edited; the zip stays well formed, CRCs valid. */
    private static Path edit(Path file, String name, UnaryOperator<JsonNode> change) throws IOException {
        Path out = Files.createTempFile(dir, "edited", ".cnn");
        try (var in = new ZipFile(file.toFile()); var zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(name)) {
                    JsonNode json = change.apply(JSON.readTree(bytes));
                    bytes = JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
            }
        }
        return out;
    }

    /** Every value inside {@code node} (leaves and containers but the root), with a way to replace or remove it. */
    private static List<JsonPointer> leaves(JsonNode node, String path) {
        List<JsonPointer> out = new ArrayList<>();
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (var names = object.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                out.add(new JsonPointer(object, field, -1));
                out.addAll(leaves(object.get(field), path + "/" + field));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                out.add(new JsonPointer(array, null, i));
                out.addAll(leaves(array.get(i), path + "/" + i));
            }
        }
        return out;
    }

    /** One place in a JSON tree: a field of an object or an element of an array. */
    private record JsonPointer(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }
}
