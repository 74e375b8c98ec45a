package dev.cnn.api.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {
    private static final String MODEL_JSON = "{\"format\":1,\"layers\":[{\"type\":\"dense\",\"units\":3}],\"note\":\"é\"}";

    @TempDir
    Path dir;

    private static NamedArray array(String name, Shape shape, long seed) {
        float[] data = new float[shape.size()];
        Random random = new Random(seed);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return new NamedArray(name, shape, data);
    }

    private static void assertSame(List<NamedArray> expected, List<NamedArray> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).name(), actual.get(i).name());
            assertEquals(expected.get(i).shape(), actual.get(i).shape());
            assertArrayEquals(expected.get(i).data(), actual.get(i).data(), 0f);
        }
    }

    @Test
    void roundTripsParametersAndOptimizerStateExactly() throws IOException {
        List<NamedArray> params = List.of(array("conv1.weight", Shape.of(8, 1, 5, 5), 1),
                array("conv1.bias", Shape.of(8), 2), array("big", Shape.of(70_000), 3),
                new NamedArray("special", Shape.of(4), new float[] {Float.NaN, -0f, Float.MAX_VALUE, Float.MIN_VALUE}));
        List<NamedArray> state = List.of(array("conv1.weight.m", Shape.of(8, 1, 5, 5), 4), array("step", Shape.of(), 5));
        Path file = dir.resolve("model.cnn");
        ModelArchive.write(file, new ModelArchiveContents(MODEL_JSON, params, state));
        ModelArchiveContents read = ModelArchive.read(file);
        assertEquals(MODEL_JSON, read.modelJson());
        assertSame(params, read.parameters());
        assertSame(state, read.optimizerState());
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(read.parameters().get(3).data()[1]));
    }

    @Test
    void layoutIsTheDocumentedOne() throws IOException {
        Path file = dir.resolve("m.zip");
        ModelArchive.write(file, new ModelArchiveContents("{}", List.of(new NamedArray("w", Shape.of(2),
                new float[] {1f, -2f}))));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertEquals("{}", new String(zip.getInputStream(zip.getEntry("model.json")).readAllBytes(),
                    StandardCharsets.UTF_8));
            String index = new String(zip.getInputStream(zip.getEntry("parameters.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(index.contains("\"entry\" : \"parameters/0.f32\""), index);
            byte[] bytes = zip.getInputStream(zip.getEntry("parameters/0.f32")).readAllBytes();
            ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(1f, le.getFloat());
            assertEquals(-2f, le.getFloat());
            assertEquals(null, zip.getEntry("optimizer/state.json"), "no optimizer state, no entry");
        }
        assertEquals(List.of(), ModelArchive.read(file).optimizerState());
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("model.cnn");
        ModelArchive.write(file, new ModelArchiveContents("{\"v\":1}", List.of(array("a", Shape.of(3), 1))));
        ModelArchive.write(file, new ModelArchiveContents("{\"v\":2}", List.of(array("a", Shape.of(3), 2))));
        assertEquals("{\"v\":2}", ModelArchive.read(file).modelJson());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        ModelArchive.write(dir.resolve("new/sub/dir/m.cnn"), new ModelArchiveContents("{}", List.of()));
        assertEquals(List.of(), ModelArchive.read(dir.resolve("new/sub/dir/m.cnn")).parameters());
    }

    @Test
    void failedWriteKeepsTheOldFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("model.cnn");
        ModelArchive.write(file, new ModelArchiveContents("{\"v\":1}", List.of()));
        NamedArray mutated = array("a", Shape.of(3), 1);
        ModelArchiveContents contents = new ModelArchiveContents("{\"v\":2}", List.of(mutated));
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("not-empty"));
        assertThrows(IOException.class, () -> ModelArchive.write(blocked, contents));
        assertEquals("{\"v\":1}", ModelArchive.read(file).modelJson());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(blocked, file), files.sorted().toList());
        }
    }

    @Test
    void randomBytesAreNotAModelFile() throws IOException {
        byte[] junk = new byte[4096];
        new Random(9).nextBytes(junk);
        Path file = Files.write(dir.resolve("junk.cnn"), junk);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelArchive.read(file));
        assertTrue(e.getMessage().startsWith("junk.cnn: not a model file"), e.getMessage());
        Path empty = Files.write(dir.resolve("empty.cnn"), new byte[0]);
        assertThrows(ModelFormatException.class, () -> ModelArchive.read(empty));
    }

    @Test
    void truncatedFilesFailWithAModelFormatException() throws IOException {
        Path file = dir.resolve("model.cnn");
        ModelArchive.write(file, new ModelArchiveContents(MODEL_JSON, List.of(array("w", Shape.of(1000), 1))));
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {bytes.length - 1, bytes.length - 30, bytes.length / 2, 10}) {
            Path truncated = Files.write(dir.resolve("cut" + cut), Arrays.copyOf(bytes, cut));
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelArchive.read(truncated));
            assertTrue(e.getMessage().startsWith("cut" + cut + ": "), e.getMessage());
        }
    }

    @Test
    void missingFileIsNotAFormatError() {
        assertThrows(NoSuchFileException.class, () -> ModelArchive.read(dir.resolve("absent.cnn")));
    }

    /** Writes a zip with the given entries (deflated), for crafting broken files. */
    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    private Path withIndex(String name, String arraysJson, Map<String, byte[]> dataEntries) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("model.json", "{}".getBytes(StandardCharsets.UTF_8));
        entries.put("parameters.json", ("{\"format\":1,\"arrays\":" + arraysJson + "}").getBytes(StandardCharsets.UTF_8));
        entries.putAll(dataEntries);
        return zip(name, entries);
    }

    private String readFailure(Path file) {
        return assertThrows(ModelFormatException.class, () -> ModelArchive.read(file)).getMessage();
    }

    @Test
    void missingModelJsonIsNamed() throws IOException {
        Path file = zip("other.zip", Map.of("readme.txt", new byte[] {1}));
        assertEquals("other.zip: has no model.json entry; is it a model file?", readFailure(file));
    }

    @Test
    void byteCountMustBeFourTimesTheShapeSize() throws IOException {
        String index = "[{\"name\":\"w\",\"shape\":[2,3],\"entry\":\"parameters/0.f32\"}]";
        Path shortData = withIndex("short.cnn", index, Map.of("parameters/0.f32", new byte[20]));
        assertEquals("short.cnn: the entry parameters/0.f32 of array 'w' holds 20 bytes, but its shape [2, 3]"
                + " needs 24 (4 per float)", readFailure(shortData));
        Path longData = withIndex("long.cnn", index, Map.of("parameters/0.f32", new byte[25]));
        assertTrue(readFailure(longData).contains("holds more than 24 bytes"));
    }

    @Test
    void hugeDeclaredShapesFailFastWithoutAllocating() throws IOException {
        String absurd = "[{\"name\":\"w\",\"shape\":[100000,100000,100000],\"entry\":\"parameters/0.f32\"}]";
        Path file = withIndex("huge.cnn", absurd, Map.of("parameters/0.f32", new byte[4]));
        String message = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> readFailure(file));
        assertTrue(message.contains("more than the 500000000 floats allowed"), message);

        String plausible = "[{\"name\":\"w\",\"shape\":[400000000],\"entry\":\"parameters/0.f32\"}]";
        Path small = withIndex("small.cnn", plausible, Map.of("parameters/0.f32", new byte[4]));
        String smallMessage = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> readFailure(small));
        assertTrue(smallMessage.contains("more than a file of"), smallMessage);

        String twoArrays = "[{\"name\":\"a\",\"shape\":[6],\"entry\":\"x\"},"
                + "{\"name\":\"b\",\"shape\":[6],\"entry\":\"y\"}]";
        Path total = withIndex("total.cnn", twoArrays, Map.of("x", new byte[24], "y", new byte[24]));
        assertEquals(2, ModelArchive.read(total).parameters().size());
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelArchive.read(total, new ModelArchiveLimits(1000, 10, 10, 4)));
        assertTrue(e.getMessage().contains("more than the 10 floats allowed in all"), e.getMessage());
    }

    @Test
    void openingDeclaresTheArraysWithoutReadingTheirValues() throws IOException {
        String index = "[{\"name\":\"w\",\"shape\":[2,3],\"entry\":\"parameters/0.f32\"}]";
        Path shortData = withIndex("declared.cnn", index, Map.of("parameters/0.f32", new byte[20]));
        try (ModelArchiveReader reader = ModelArchive.open(shortData, ModelArchiveLimits.DEFAULT)) {
            assertEquals("{}", reader.modelJson());
            assertEquals(List.of(new DeclaredArray("w", Shape.of(2, 3))), reader.declaredParameters());
            assertEquals(6, reader.declaredParameters().get(0).size());
            assertEquals(List.of(), reader.declaredOptimizerState());
            ModelFormatException e = assertThrows(ModelFormatException.class, reader::readParameters);
            assertTrue(e.getMessage().contains("holds 20 bytes"), e.getMessage());
        }
    }

    @Test
    void badShapesAndNamesAreRejected() throws IOException {
        assertTrue(readFailure(withIndex("neg.cnn", "[{\"name\":\"w\",\"shape\":[-3],\"entry\":\"e\"}]",
                Map.of("e", new byte[0]))).contains("has dimension -3"));
        assertTrue(readFailure(withIndex("overflow.cnn", "[{\"name\":\"w\",\"shape\":[3000000000],\"entry\":\"e\"}]",
                Map.of("e", new byte[0]))).contains("has dimension 3000000000"));
        assertTrue(readFailure(withIndex("frac.cnn", "[{\"name\":\"w\",\"shape\":[2.5],\"entry\":\"e\"}]",
                Map.of("e", new byte[0]))).contains("has dimension 2.5"));
        assertTrue(readFailure(withIndex("rank.cnn", "[{\"name\":\"w\",\"shape\":[1,1,1,1,1,1,1,1,1],\"entry\":\"e\"}]",
                Map.of("e", new byte[4]))).contains("9 dimensions"));
        assertTrue(readFailure(withIndex("dup.cnn", "[{\"name\":\"w\",\"shape\":[1],\"entry\":\"a\"},"
                + "{\"name\":\"w\",\"shape\":[1],\"entry\":\"b\"}]", Map.of("a", new byte[4], "b", new byte[4])))
                .contains("lists the name 'w' twice"));
        assertTrue(readFailure(withIndex("shared.cnn", "[{\"name\":\"v\",\"shape\":[1],\"entry\":\"a\"},"
                + "{\"name\":\"w\",\"shape\":[1],\"entry\":\"a\"}]", Map.of("a", new byte[4])))
                .contains("named by two arrays"));
        assertTrue(readFailure(withIndex("gone.cnn", "[{\"name\":\"w\",\"shape\":[1],\"entry\":\"nowhere\"}]",
                Map.of())).contains("names the entry nowhere, which is not in the file"));
        assertTrue(readFailure(withIndex("type.cnn", "[{\"name\":7,\"shape\":[1],\"entry\":\"a\"}]",
                Map.of("a", new byte[4]))).contains("needs a text \"name\""));
        assertTrue(readFailure(withIndex("notjson.cnn", "[", Map.of())).contains("parameters.json is not valid JSON"));
    }

    @Test
    void entryAndSizeLimitsAreEnforced() throws IOException {
        ModelArchiveLimits tight = new ModelArchiveLimits(64, 3, 1000, 4);
        Path many = zip("many.cnn", Map.of("model.json", new byte[2], "a", new byte[0], "b", new byte[0],
                "c", new byte[0]));
        assertTrue(assertThrows(ModelFormatException.class, () -> ModelArchive.read(many, tight)).getMessage()
                .contains("has 4 entries, more than the 3 allowed"));
        Path bigJson = zip("bigjson.cnn", Map.of("model.json", new byte[65]));
        assertTrue(assertThrows(ModelFormatException.class, () -> ModelArchive.read(bigJson, tight)).getMessage()
                .contains("model.json is larger than the 64 bytes allowed"));
        Path zipBomb = zip("bomb.cnn", Map.of("model.json", new byte[20_000_000]));
        assertTrue(Files.size(zipBomb) < 100_000);
        assertTrue(readFailure(zipBomb).contains("larger than the 16777216 bytes allowed"));
    }

    @Test
    void wrongFormatVersionAndInvalidUtf8AreRejected() throws IOException {
        Path future = zip("future.cnn", Map.of("model.json", new byte[] {'{', '}'},
                "parameters.json", "{\"format\":2,\"arrays\":[]}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(readFailure(future).contains("has format 2; this version reads format 1"));
        Path latin = zip("latin.cnn", Map.of("model.json", new byte[] {'"', (byte) 0xE9, '"'}));
        assertTrue(readFailure(latin).contains("model.json is not valid UTF-8"));
    }

    @Test
    void contentsRejectDuplicateNamesAndArraysCheckTheirSize() {
        NamedArray a = new NamedArray("a", Shape.of(1), new float[1]);
        assertThrows(IllegalArgumentException.class, () -> new ModelArchiveContents("{}", List.of(a, a)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NamedArray("w", Shape.of(2, 2), new float[3]));
        assertEquals("array 'w' of shape [2, 2] needs 4 values, got 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NamedArray("", Shape.of(1), new float[1]));
    }

    @Test
    void anArrayWhoseBytesChangedUnderAValidCrcFailsItsDigest() throws IOException {
        Path file = dir.resolve("model.cnn");
        ModelArchive.write(file, new ModelArchiveContents("{}", List.of(new NamedArray("w", Shape.of(2), new float[] {1f, 2f}))));
        Path rewritten = dir.resolve("rewritten.cnn");
        try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("parameters/0.f32")) {
                    bytes[5] ^= 1;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
            }
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelArchive.read(rewritten));
        assertTrue(e.getMessage().contains("parameters/0.f32") && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void aFlippedBitInModelJsonIsCaughtAndNamed() throws IOException {
        Path file = dir.resolve("model.cnn");
        ModelArchive.write(file, new ModelArchiveContents("{\"layers\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]}", List.of()));
        byte[] bytes = Files.readAllBytes(file);
        int dataStart = 30 + "model.json".length();
        assertEquals("model.json", new String(bytes, 30, 10, StandardCharsets.US_ASCII), "model.json is the first entry");
        for (int flip = 0; flip < 8; flip++) {
            byte[] damaged = bytes.clone();
            damaged[dataStart + 2 + flip] ^= 0x04;
            Files.write(file, damaged);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelArchive.read(file));
            assertTrue(e.getMessage().contains("model.json") && e.getMessage().contains("damaged"), e.getMessage());
        }
    }

    @Test
    void onlyRegularFilesAreOpened() throws Exception {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelArchive.read(dir));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        Path fifo = dir.resolve("pipe.cnn");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        ModelFormatException piped = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ModelFormatException.class, () -> ModelArchive.read(fifo)));
        assertTrue(piped.getMessage().contains("not a regular file"), piped.getMessage());
    }
}
