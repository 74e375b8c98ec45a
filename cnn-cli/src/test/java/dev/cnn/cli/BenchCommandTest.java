package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    private static final String[] TINY = {"--batch-size", "8", "--infer-batch-size", "16", "--batches", "2", "--rounds", "1",
        "--warm-up", "1", "--warm-up-seconds", "0"};

    @TempDir
    static Path dir;

    @Test
    void printsSettingsMachineALinePerMeasurementAndATableWhoseBaselineRatioIsOne() {
        Cli.Result r = bench("--model", "conv-3maps", "--backends", "cpu").succeeded();
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).startsWith("cnn bench: conv-3maps, training batches of 8, inference batches of 16,"
                + " 2 timed batches per measurement, 1 round, Adam (learning rate 0.001), seed 1"), r.out());
        assertTrue(r.out().contains("\ndata: synthetic random images 1x28x28, 10 classes\n"), r.out());
        assertTrue(r.out().matches("(?s).*\\nmachine: \\d+ processors, Java \\S+ \\(.*\\), load average .*, max heap [\\d,]+ MB\\n.*"),
                r.out());
        assertTrue(r.out().matches("(?s).*\\ncpu kernels: (Vector API \\d+-bit|plain Java).*, \\d+ threads\\n.*"), r.out());
        assertTrue(r.out().contains("\nbackends: cpu (the first is the baseline)\n"), r.out());
        assertTrue(r.out().contains("\nwarmed up cpu for train conv-3maps batch=8 (1 batches, "), r.out());
        assertTrue(r.out().contains("\nround 1/1 train conv-3maps batch=8 (img/s, 2 batches): cpu "), r.out());
        assertTrue(r.out().matches("(?s).*\\nbench train conv-3maps cpu batch=8: \\d+\\.\\d img/s\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\nbench infer conv-3maps cpu batch=16: \\d+\\.\\d img/s\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\nbench alloc conv-3maps cpu batch=8: [\\d,]+ bytes/step \\(Java heap, all threads\\)\\n.*"),
                r.out());
        int header = lines.indexOf("kind   model         input  batch  backend      img/s   ratio");
        assertTrue(header > 0, r.out());
        assertTrue(lines.get(header + 1).matches("train  conv-3maps    28x28      8  cpu      +[\\d,]+   1\\.00x"), lines.get(header + 1));
        assertTrue(lines.get(header + 2).matches("infer  conv-3maps    28x28     16  cpu      +[\\d,]+   1\\.00x"), lines.get(header + 2));
        assertTrue(lines.get(header + 3).startsWith("(medians of 1 round; ratio: images/s over the first backend's (cpu)"), r.out());
        assertEquals(header + 4, lines.size(), "no memory lines without --memory-epochs:\n" + r.out());
        assertEquals("", r.err());
    }

    @Test
    void measuresEveryModelBatchSizeAndInputSizeAsked() {
        Cli.Result r = Cli.run("bench", "--model", "mlp,conv-3maps", "--backends", "cpu", "--batch-size", "4,8",
                "--infer-batch-size", "16", "--input-size", "28,32", "--batches", "2", "--rounds", "1", "--warm-up", "1",
                "--warm-up-seconds", "0")
                .succeeded();
        for (String model : List.of("mlp", "conv-3maps")) {
            for (String input : List.of("", " input=32")) {
                for (String batch : List.of("4", "8")) {
                    assertTrue(r.out().contains("\nbench train " + model + " cpu batch=" + batch + input + ": "), r.out());
                }
                assertTrue(r.out().contains("\nbench infer " + model + " cpu batch=16" + input + ": "), r.out());
            }
        }
        assertTrue(r.out().contains("\ndata: synthetic random images 1x28x28, 1x32x32, 10 classes\n"), r.out());
        assertEquals(12, r.outLines().stream().filter(l -> l.startsWith("bench train ") || l.startsWith("bench infer ")).count(),
                r.out());
        assertEquals(8, r.outLines().stream().filter(l -> l.startsWith("bench alloc ")).count(), r.out());
    }

    @Test
    void measuresGraphPresetsWithEveryHeadTheTaggerIncluded() {
        Cli.Result r = bench("--model", "resnet-small,tagger", "--backends", "cpu").succeeded();
        for (String model : List.of("resnet-small", "tagger")) {
            assertTrue(r.out().matches("(?s).*\\nbench train " + model + " cpu batch=8: \\d+\\.\\d img/s\\n.*"), r.out());
            assertTrue(r.out().matches("(?s).*\\nbench infer " + model + " cpu batch=16: \\d+\\.\\d img/s\\n.*"), r.out());
        }
    }

    @Test
    void refusesATaggedPresetOnADatasetWithoutTags() throws Exception {
        Path data = SyntheticDigits.write(dir.resolve("untagged"), 20, 10, 28);
        bench("--model", "tagger", "--dataset", data.toString()).failedWith(2, "tagger learns tags and");
    }

    @Test
    void profilePrintsEveryNodesShareOfTheStep() {
        Cli.Result r = bench("--model", "conv-3maps", "--backends", "cpu", "--profile").succeeded();
        List<String> lines = r.outLines();
        int header = lines.indexOf("  node         fwd us/img bwd us/img   share");
        assertTrue(header > 0 && lines.get(header - 1).startsWith("profile train conv-3maps batch=8 cpu (2 steps, "),
                r.out());
        List<String> nodes = List.of("conv2d_1", "relu_1", "max_pool2d_1", "flatten_1", "dense_1", "(rest)");
        double share = 0;
        for (int i = 0; i < nodes.size(); i++) {
            String line = lines.get(header + 1 + i);
            assertTrue(line.startsWith("  " + nodes.get(i) + " "), line);
            share += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1, line.length() - 1));
        }
        assertEquals(100, share, 1.0, "the nodes and the rest make up the step:\n" + r.out());
    }

    @Test
    void trainsWithPlainSgdAsThePyTorchReferenceWhenAsked() {
        Cli.Result r = bench("--model", "mlp", "--backends", "cpu", "--optimizer", "sgd").succeeded();
        assertTrue(r.outLines().get(0).contains(", SGD (learning rate 0.1, no momentum), seed 1"), r.out());
        assertTrue(r.out().contains("\nbench train mlp cpu batch=8: "), r.out());
    }

    @Test
    void defaultsToEveryAvailableBackendAndTakesADataset() throws Exception {
        Path data = SyntheticDigits.write(dir.resolve("squares"), 20, 10, 28);
        Cli.Result r = bench("--model", "mlp", "--dataset", data.toString()).succeeded();
        assertTrue(r.out().contains("\nbackends: cpu (the first is the baseline)\n"), r.out());
        assertTrue(r.out().contains("\ndata: " + data + " training images 1x28x28, 10 classes\n"), r.out());
    }

    @Test
    void memoryEpochsPrintAMemoryLinePerEpoch() {
        Cli.Result r = bench("--model", "mlp", "--memory-epochs", "2").succeeded();
        List<String> lines = r.outLines();
        int header = lines.indexOf("backend  epoch        RSS  heap used  heap committed  RSS - heap committed");
        assertTrue(header > 0, r.out());
        assertTrue(lines.get(header - 1).startsWith("memory after each of 2 training epochs of 2 batches"), r.out());
        String megabytes = " +(-?[\\d,]+ MB|n/a)";
        for (int epoch = 1; epoch <= 2; epoch++) {
            String line = lines.get(header + epoch);
            assertTrue(line.matches("cpu +" + epoch + megabytes + megabytes + megabytes + megabytes), line);
        }
        assertEquals(header + 3, lines.size(), r.out());
    }

    @Test
    void badValuesAreUsageErrors() {
        bench("--backends", "quantum").failedWith(2, "unknown backend 'quantum'; found: cpu");
        bench("--backends", "cpu,cpu").failedWith(2, "backend 'cpu' is named twice");
        bench("--backend", "cpu").failedWith(2, "name them with --backends cpu");
        bench("--model", "vgg-1000").failedWith(2, "unknown model preset 'vgg-1000'");
        Cli.run("bench", "--batches", "0").failedWith(2, "--batches must be at least 1, got 0");
        Cli.run("bench", "--rounds", "0").failedWith(2, "--rounds must be at least 1, got 0");
        Cli.run("bench", "--batch-size", "0").failedWith(2, "--batch-size must be at least 1, got 0");
        Cli.run("bench", "--batch-size", "8,-1").failedWith(2, "--batch-size must be at least 1, got -1");
        Cli.run("bench", "--infer-batch-size", "0").failedWith(2, "--infer-batch-size must be at least 1, got 0");
        Cli.run("bench", "--input-size", "0").failedWith(2, "--input-size must be at least 1, got 0");
        bench("--model", "mlp,mlp").failedWith(2, "model 'mlp' is named twice");
        bench("--optimizer", "lbfgs").failedWith(2, "unknown optimizer 'lbfgs' for bench; known: adam, sgd");
        bench("--dataset", "mnist", "--input-size", "56").failedWith(2, "--input-size applies to the synthetic images");
        Cli.run("bench", "--warm-up", "-1").failedWith(2, "--warm-up must be at least 0, got -1");
        Cli.run("bench", "--warm-up-seconds", "-1").failedWith(2, "--warm-up-seconds must be a number of at least 0, got -1.0");
        Cli.run("bench", "--memory-epochs", "-1").failedWith(2, "--memory-epochs must be at least 0, got -1");
    }

    @Test
    void warmUpGoesOnUntilItsSecondsHavePassed() {
        Cli.Result r = Cli.run("bench", "--model", "mlp", "--backends", "cpu", "--batch-size", "8", "--infer-batch-size", "8",
                "--batches", "2", "--rounds", "1", "--warm-up", "1", "--warm-up-seconds", "0.5").succeeded();
        var warmedUp = java.util.regex.Pattern.compile("warmed up cpu for train mlp batch=8 \\((\\d+) batches, ").matcher(r.out());
        assertTrue(warmedUp.find(), r.out());
        assertTrue(Integer.parseInt(warmedUp.group(1)) > 1, "half a second holds more than one batch of 8:\n" + r.out());
    }

    @Test
    void aMissingDatasetDirectoryIsAFailure() {
        bench("--dataset", dir.resolve("nowhere").toString()).failedWith(1, "nowhere");
    }

    private static Cli.Result bench(String... args) {
        String[] all = new String[1 + TINY.length + args.length];
        all[0] = "bench";
        System.arraycopy(TINY, 0, all, 1, TINY.length);
        System.arraycopy(args, 0, all, 1 + TINY.length, args.length);
        return Cli.run(all);
    }
}
