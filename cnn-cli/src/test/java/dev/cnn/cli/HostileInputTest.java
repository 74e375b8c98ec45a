package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.io.ModelArchive;
import dev.cnn.api.io.ModelArchiveContents;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.model.Model;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken, damaged and hostile inputs through the command line, as a careless or hostile user gives them: each ends in
 * its documented message and exit code, within seconds, and never reports a number it cannot stand behind.
 */
class HostileInputTest {
    private static final Duration QUICKLY = Duration.ofSeconds(20);
    private static final Backend CPU = Backends.select("cpu");

    @TempDir
    static Path dir;
    static Path data;
    static Path good;

    @BeforeAll
    static void trainAModel() throws Exception {
        good = TrainedModel.train(dir);
        data = dir.resolve("data");
    }

    private static Path changed(String name, Consumer<Model> change) throws Exception {
        Model model = Model.load(good, CPU);
        change.accept(model);
        Path file = dir.resolve(name);
        model.save(file);
        return file;
    }

    private static Path withModelJson(String name, UnaryOperator<String> edit) throws Exception {
        ModelArchiveContents contents = ModelArchive.read(good);
        Path file = dir.resolve(name);
        ModelArchive.write(file, new ModelArchiveContents(edit.apply(contents.modelJson()), contents.parameters()));
        return file;
    }

    private static void fill(Parameter p, float value) {
        float[] values = new float[p.shape().size()];
        Arrays.fill(values, value);
        p.setValue(CPU.tensor(values, p.shape()));
    }

    private static Cli.Result quickly(String... args) {
        return assertTimeoutPreemptively(QUICKLY, () -> Cli.run(args));
    }

    @Test
    void aModelWithNaNWeightsIsNotScoredAndPredictsNothing() throws Exception {
        Path nan = changed("nan.cnn", m -> m.network().parameters().values().forEach(p -> fill(p, Float.NaN)));
        quickly("eval", "--model-file", nan.toString(), "--dataset", data.toString())
                .failedWith(1, "the model's output is NaN or infinite for 100 of 100 images");
        quickly("predict", "--model-file", nan.toString(), "--dataset", data.toString(), "--index", "0..2")
                .failedWith(1, "the model's output is NaN or infinite for 1 of 1 images");
    }

    @Test
    void aModelWithAConstantOutputScoresZero() throws Exception {
        Path constant = changed("constant.cnn", m -> {
            List<String> nodes = m.network().nodeNames();
            m.network().layer(nodes.get(nodes.size() - 1)).parameters().forEach(p -> fill(p, 0f));
        });
        Cli.Result r = quickly("eval", "--model-file", constant.toString(), "--dataset", data.toString()).succeeded();
        assertTrue(r.out().contains("accuracy: 0.00%"), r.out());
        assertTrue(r.out().contains("100 of 100 images got the same highest score for several classes and count as wrong"), r.out());
    }

    @Test
    void aFlippedBitInTheWeightsIsCaught() throws Exception {
        Path rotten = dir.resolve("rotten.cnn");
        Files.copy(good, rotten);
        float[] weights = Model.load(good, CPU).network().parameters().values().iterator().next().value().toArray();
        byte[] bytes = Files.readAllBytes(rotten);
        byte[] first = new byte[8];
        java.nio.ByteBuffer.wrap(first).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(weights[0]).putFloat(weights[1]);
        int at = IntStream.range(0, bytes.length - 8).filter(i -> Arrays.equals(bytes, i, i + 8, first, 0, 8)).findFirst().orElseThrow();
        try (RandomAccessFile file = new RandomAccessFile(rotten.toFile(), "rw")) {
            file.seek(at + 5);
            file.write(bytes[at + 5] ^ 0x01);
        }
        quickly("eval", "--model-file", rotten.toString(), "--dataset", data.toString())
                .failedWith(1, "the file is damaged");
    }

    @Test
    void aSmallFileDeclaringAHugeLayerIsRefusedAtOnce() throws Exception {
        Path huge = withModelJson("huge.cnn", json -> json.replaceFirst("\"units\"\\s*:\\s*\\d+", "\"units\":100000"));
        assertTrue(Files.size(huge) < 1 << 20);
        quickly("eval", "--model-file", huge.toString(), "--dataset", data.toString())
                .failedWith(1, "parameters but the file holds only");
        Path overflowing = withModelJson("overflow.cnn", json -> json.replaceFirst("\"units\"\\s*:\\s*\\d+", "\"units\":2000000000"));
        quickly("eval", "--model-file", overflowing.toString(), "--dataset", data.toString())
                .failedWith(1, "more than the 250000000 allowed");
        Path nullJson = withModelJson("null.cnn", json -> "null");
        quickly("eval", "--model-file", nullJson.toString(), "--dataset", data.toString())
                .failedWith(1, "model.json holds null instead of a model description");
    }

    @Test
    void aNullNodeOrAClassNameInModelJsonIsNamedByItsPlace() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Path nullNode = withModelJson("null-node.cnn", text -> {
            try {
                var tree = json.readTree(text);
                ((com.fasterxml.jackson.databind.node.ArrayNode) tree.get("graph").get("nodes")).setNull(1);
                return json.writeValueAsString(tree);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        quickly("eval", "--model-file", nullNode.toString(), "--dataset", data.toString()).failedWith(1, nullNode
                + ": model.json is not a valid model description: graph.nodes[1] is null: each node must be an object"
                + " with a \"name\", a \"layer\" (or the node it \"shares\" one with) and its \"inputs\"");
        Path className = withModelJson("class-name.cnn", text -> text.replaceFirst("\\{\"type\":",
                "{\"@class\":\"dev.cnn.api.layers.Conv2D\",\"type\":"));
        quickly("predict", "--model-file", className.toString(), "--dataset", data.toString(), "--index", "0")
                .failedWith(1, "unknown field @class at graph.nodes[0].layer: class names are not part of the format");
    }

    @Test
    void aPipeIsNotOpenedAsAModel() throws Exception {
        Path fifo = dir.resolve("pipe.cnn");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        quickly("eval", "--model-file", fifo.toString(), "--dataset", data.toString()).failedWith(1, "not a regular file");
    }

    @Test
    void anImageDeclaringGigapixelsIsRefusedFromItsHeader() throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeaderOnly(40_000, 40_000));
        quickly("predict", "--model-file", good.toString(), bomb.toString())
                .failedWith(1, "the image is 40000x40000 = 1600000000 pixels, more than the 50000000 allowed");
    }

    @Test
    void classNamesCannotDriveTheTerminal() throws Exception {
        Model model = Model.load(good, CPU);
        List<String> names = IntStream.range(0, 10).mapToObj(c -> "\u001b]0;pwned\u0007\u001b[31mclass" + c).toList();
        Path file = dir.resolve("escapes.cnn");
        new Model(model.network(), model.loss(), names, model.preprocessing()).save(file);
        Cli.Result r = quickly("predict", "--model-file", file.toString(), "--dataset", data.toString(), "--index", "0").succeeded();
        assertTrue(r.out().contains("?]0;pwned??[31mclass"), r.out());
        assertFalse(r.out().contains("\u001b") || r.err().contains("\u001b") || r.out().contains("\u0007"), r.out());
    }

    @Test
    void namesWithLineBreaksAndControlsStayOnTheirLineEverywhereTheyArePrinted() throws Exception {
        Model model = Model.load(good, CPU);
        List<String> names = IntStream.range(0, 10).mapToObj(c -> "class" + c + switch (c) {
            case 0 -> "\nerror: injected";
            case 1 -> "\r\u001b[2Kover";
            case 2 -> "\u0085next\u009b31m";
            case 3 -> "\ttab\u202eevil";
            default -> "";
        }).toList();
        Path file = dir.resolve("line-breaks.cnn");
        new Model(model.network(), model.loss(), names, model.preprocessing()).save(file);
        Cli.Result predicted = quickly("predict", "--model-file", file.toString(), "--dataset", data.toString(), "--index",
                "0..3", "--top", "10").succeeded();
        assertEquals(4, predicted.outLines().size(), predicted.out());
        assertTrue(predicted.outLines().stream().allMatch(l -> l.startsWith("#")), predicted.out());
        assertTrue(predicted.out().contains("class0?error: injected") && predicted.out().contains("class1??[2Kover")
                && predicted.out().contains("class2?next?31m") && predicted.out().contains("class3?tab?evil"),
                predicted.out());
        List<String> folders = List.of("cat\nerror: injected", "dog\r\u001b[2Kover");
        Path folder = dir.resolve("line-break-folders");
        for (String name : folders) {
            for (int i = 0; i < 3; i++) {
                Path png = folder.resolve(name).resolve(i + ".png");
                Files.createDirectories(png.getParent());
                javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8,
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
            }
        }
        Path byFolder = dir.resolve("line-break-folders.cnn");
        new Model(dev.cnn.models.Preset.MLP.build(dev.cnn.api.tensor.Shape.of(1, 8, 8), 2, CPU, 1),
                dev.cnn.api.loss.Loss.SOFTMAX_CROSS_ENTROPY, folders, dev.cnn.api.model.Normalization.identity())
                .save(byFolder);
        Cli.Result evaluated = quickly("eval", "--model-file", byFolder.toString(), "--dataset", folder.toString(),
                "--plot", dir.resolve("line-breaks.png").toString()).succeeded();
        assertTrue(evaluated.out().contains("cat?error: injected") && evaluated.out().contains("dog??[2Kover "),
                evaluated.out());
        Cli.Result summary = quickly("summary", "--model", file.toString()).succeeded();
        assertTrue(summary.outLines().get(0).contains("class0?error: injected, class1??[2Kover"), summary.out());
        for (Cli.Result r : List.of(predicted, evaluated, summary)) {
            assertTrue(r.outLines().stream().noneMatch(l -> l.startsWith("error") || l.startsWith("over")
                    || l.startsWith("next")), r.out());
            assertFalse(r.out().matches("(?s).*[\r\u001b\u0085\u009b\u202e].*"), r.out());
            assertTrue(r.err().isEmpty(), r.err());
        }
    }

    @Test
    void aModelNamingAClassTwiceIsRefusedNamingIt() throws Exception {
        Path twice = withModelJson("twice.cnn", json -> json.replaceFirst("\"0\",\\s*\"1\",", "\"0\",\"0\","));
        quickly("predict", "--model-file", twice.toString(), "--dataset", data.toString(), "--index", "0")
                .failedWith(1, "names the class '0' twice (as labels 0 and 1), so the two could not be told apart; give"
                        + " each class its own name");
    }

    @Test
    void aJpegOfThousandsOfScansIsRefusedInAFractionOfASecond() throws Exception {
        Path jpeg = progressiveJpegOfRepeatedScans(dir.resolve("stall.jpg"), 2048, 20_000);
        long started = System.nanoTime();
        quickly("predict", "--model-file", good.toString(), jpeg.toString()).failedWith(1, jpeg + ": the JPEG has 20010"
                + " scans, more than the 1000 a JPEG may have; a photo has about 10");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("predict refused a JPEG of 20010 scans in %.2f s%n", seconds);
        assertTrue(seconds < 2, seconds + " s");
    }

    @Test
    void aStrayLabelOrAnEmptySplitDoesNotTrain() throws Exception {
        Path stray = SyntheticDigits.write(dir.resolve("stray"), 100, 20, 28);
        try (RandomAccessFile labels = new RandomAccessFile(stray.resolve("train-labels-idx1-ubyte").toFile(), "rw")) {
            labels.seek(8 + 17);
            labels.write(200);
        }
        quickly("train", "--model", "mlp", "--dataset", stray.toString(), "--out", dir.resolve("s.cnn").toString())
                .failedWith(1, "label 200 of training image #17 makes 201 classes, but class 10 has no training image");
        Path empty = SyntheticDigits.write(dir.resolve("empty"), 0, 20, 28);
        quickly("train", "--model", "mlp", "--dataset", empty.toString(), "--out", dir.resolve("e.cnn").toString())
                .failedWith(1, "the training split is empty");
    }

    @Test
    void aTruncatedGzipFileIsNamed() throws Exception {
        Path set = SyntheticDigits.write(dir.resolve("gz"), 100, 20, 28);
        Path images = set.resolve("train-images-idx3-ubyte");
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(compressed)) {
            gzip.write(Files.readAllBytes(images));
        }
        Files.delete(images);
        byte[] all = compressed.toByteArray();
        Path gz = Files.write(set.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(all, all.length / 2));
        quickly("train", "--model", "mlp", "--dataset", set.toString(), "--out", dir.resolve("g.cnn").toString())
                .failedWith(1, gz + ": the compressed data ends early or is damaged");
    }

    @Test
    void indexWithoutADatasetIsRefusedUnlessTheModelsClassesAreTheDefaultDatasets() throws Exception {
        Path home = dir.resolve("home");
        SyntheticDigits.write(home.resolve(".cnn/data/mnist"), 100, 20, 28);
        Path catDog = dir.resolve("catdog.cnn");
        new Model(dev.cnn.models.Preset.MLP.build(dev.cnn.api.tensor.Shape.of(1, 28, 28), 2, CPU, 1),
                dev.cnn.api.loss.Loss.SOFTMAX_CROSS_ENTROPY, List.of("cat", "dog"),
                dev.cnn.api.model.Normalization.identity()).save(catDog);
        Path tagger = dir.resolve("shapes-tagger.cnn");
        new Model(dev.cnn.models.Preset.TAGGER.build(dev.cnn.api.tensor.Shape.of(3, 24, 24),
                dev.cnn.datasets.ShapesSource.classNames().size(), dev.cnn.datasets.ShapesSource.tagNames().size(), CPU, 1),
                dev.cnn.models.Preset.TAGGER.heads(dev.cnn.datasets.ShapesSource.classNames(),
                        dev.cnn.datasets.ShapesSource.tagNames()), dev.cnn.api.model.Normalization.identity()).save(tagger);
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            String advice = "; --index shows the test images of --dataset with their labels: name the dataset the model"
                    + " was trained on with --dataset";
            quickly("predict", "--model-file", catDog.toString(), "--index", "0..3")
                    .failedWith(1, "error: the model knows 2 classes but mnist (the default --dataset) has 10" + advice);
            quickly("visualize", "--model-file", catDog.toString(), "--index", "0")
                    .failedWith(1, "the model knows 2 classes but mnist (the default --dataset) has 10" + advice);
            quickly("predict", "--model-file", catDog.toString(), "--dataset", data.toString(), "--index", "0")
                    .failedWith(1, "the model knows 2 classes but " + data + " has 10; --index shows");
            quickly("eval", "--model-file", catDog.toString(), "--dataset", "mnist")
                    .failedWith(1, "the model knows 2 classes but the dataset has 10; evaluate it on the kind of data");
            quickly("predict", "--model-file", tagger.toString(), "--index", "0").failedWith(1, "error: the model tags"
                    + " images with " + dev.cnn.datasets.ShapesSource.tagNames() + " but mnist (the default --dataset) has"
                    + " no tags" + advice);
            quickly("train", "--init-from", catDog.toString(), "--dataset", "mnist", "--out",
                    dir.resolve("c.cnn").toString()).failedWith(1, "the model knows 2 classes but the dataset has 10; use"
                    + " the kind of data the model to start from was trained on");
            Cli.Result fits = quickly("predict", "--model-file", good.toString(), "--index", "0..1").succeeded();
            assertTrue(fits.out().matches("(?s)#0 \\(label \\d\\): .*"), "a model of the default dataset's classes: "
                    + fits.out());
        } finally {
            System.setProperty("user.home", realHome);
        }
    }

    @Test
    void aLossGrowingByOrdersOfMagnitudeStopsTrainingWithTheNaNGuardsMessage() {
        for (String optimizer : List.of("adam", "rmsprop")) {
            for (String lr : List.of("1e4", "1e9")) {
                Path out = dir.resolve("diverged-" + optimizer + lr + ".cnn");
                Cli.Result r = quickly("train", "--model", "conv-3maps", "--dataset", data.toString(), "--epochs", "2",
                        "--batch-size", "10", "--optimizer", optimizer, "--lr", lr, "--out", out.toString());
                r.failedWith(1, "at epoch 1, batch ");
                assertTrue(r.err().matches("(?s)error: the loss (grew from \\S+ to \\S+, more than 1000 times its start:"
                        + " training diverged|became NaN) at epoch 1, batch \\d+ of 30 \\(learning rate [^)]+\\); lower the"
                        + " learning rate, check the inputs are normalised, and start again\\s*"), optimizer + " " + lr
                        + ": " + r.err());
                assertFalse(r.out().contains("test accuracy"), r.out());
            }
        }
    }

    /**
     * A progressive JPEG of {@code side x side} grey pixels as {@code javax.imageio} writes it (10 scans) with its last
     * scan repeated {@code repeats} times: a few bytes per scan, each a pass of the decoder over the whole image.
     */
    static Path progressiveJpegOfRepeatedScans(Path file, int side, int repeats) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(side, side,
                java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (var out = javax.imageio.ImageIO.createImageOutputStream(encoded)) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        }
        byte[] jpeg = encoded.toByteArray();
        int end = jpeg.length - 2;
        int lastScan = end - 2;
        while ((jpeg[lastScan] & 0xFF) != 0xFF || (jpeg[lastScan + 1] & 0xFF) != 0xDA) {
            lastScan--;
        }
        ByteArrayOutputStream hostile = new ByteArrayOutputStream();
        hostile.write(jpeg, 0, end);
        for (int k = 0; k < repeats; k++) {
            hostile.write(jpeg, lastScan, end - lastScan);
        }
        hostile.write(jpeg, end, 2);
        return Files.write(file, hostile.toByteArray());
    }

    /** A PNG of a few dozen bytes whose header declares {@code width x height} RGB pixels and holds none. */
    private static byte[] pngHeaderOnly(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0}).array();
        for (Object[] chunk : List.of(new Object[] {"IHDR", ihdr}, new Object[] {"IEND", new byte[0]})) {
            byte[] type = ((String) chunk[0]).getBytes(StandardCharsets.US_ASCII);
            byte[] body = (byte[]) chunk[1];
            out.writeInt(body.length);
            out.write(type);
            out.write(body);
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(body);
            out.writeInt((int) crc.getValue());
        }
        return bytes.toByteArray();
    }
}
