package dev.cnn.examples;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.data.DatasetSource;
import dev.cnn.examples.bench.BackendBench;
import dev.cnn.examples.bench.BenchImages;
import dev.cnn.examples.bench.MachineDescription;
import dev.cnn.examples.bench.ProcessMemory;
import dev.cnn.examples.bench.Throughput;
import dev.cnn.examples.bench.ThroughputTable;
import dev.cnn.models.Preset;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cnn bench}: training and inference speed of every backend, measured in interleaved rounds of one run and
 * reported as a ratio to the first backend, because a shared machine's speed drifts between runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare the speed of backends: train a preset with Adam and run it for inference on each,"
                + " in interleaved rounds so that machine noise falls on all of them alike, and print the median"
                + " images per second with the ratio to the first backend (the baseline).",
                "With --memory-epochs, also train a few epochs per backend and print the process's memory after each,"
                        + " to see whether memory outside the heap stays flat."},
        footer = {"", "Examples:", "  ./cnn bench", "  ./cnn bench --model mlp --backends cpu,nd4j --rounds 5",
                "  CNN_EXTRA_CLASSPATH=... ./cnn bench --memory-epochs 5"})
final class BenchCommand implements Callable<Integer> {
    /** Every backend's network starts from the same weights. */
    static final long SEED = 1;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Mixin
    private CommonOptions common;

    @Mixin
    private ImageShapeOptions imageShape;

    @Option(names = "--model", paramLabel = "PRESET", defaultValue = "conv-20-40",
            description = "Architecture: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = PresetNames.class)
    private String model;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "50",
            description = "Batches timed per measurement, for training and again for inference (default: ${DEFAULT-VALUE}).")
    private int batches;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds, each measuring every backend once; the median counts (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "10",
            description = "Untimed training and inference batches per backend before the rounds, so that code is"
                    + " compiled and buffers are allocated (default: ${DEFAULT-VALUE}).")
    private int warmUpBatches;

    @Option(names = "--backends", paramLabel = "NAME", split = ",",
            description = "Backends to compare, the first being the baseline (default: every available one, cpu first).")
    private List<String> backendNames;

    @Option(names = "--dataset", paramLabel = "NAME|DIR",
            description = "Images to use: mnist, fashion-mnist, shapes, a directory of IDX files or a folder of class"
                    + " folders of images (default: synthetic random images of 1x28x28, needing no download).")
    private String dataset;

    @Option(names = "--memory-epochs", paramLabel = "N", defaultValue = "0",
            description = "Afterwards, train N epochs of --batches batches per backend and print the memory after each"
                    + " (default: ${DEFAULT-VALUE}, off).")
    private int memoryEpochs;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        Preset preset = Options.preset(spec, model);
        Options.atLeast(spec, "--batch-size", batchSize, 1);
        Options.atLeast(spec, "--batches", batches, 1);
        Options.atLeast(spec, "--rounds", rounds, 1);
        Options.atLeast(spec, "--warm-up", warmUpBatches, 0);
        Options.atLeast(spec, "--memory-epochs", memoryEpochs, 0);
        if (common.backendName() != null) {
            throw Options.usage(spec, "bench compares backends: name them with --backends " + common.backendName() + ",...");
        }
        BenchBackends backends = BenchBackends.choose(spec, backendNames);
        out = spec.commandLine().getOut();
        BenchImages images = images();

        out.printf(Locale.ROOT, "cnn bench: %s, batches of %d, %d timed batches per measurement, %d round%s,"
                        + " Adam (learning rate %s), seed %d%n", preset.id(), batchSize, batches, rounds,
                rounds == 1 ? "" : "s", BackendBench.LEARNING_RATE, SEED);
        out.println("data: " + images.description());
        out.println("machine: " + MachineDescription.summary());
        String jvmOptions = MachineDescription.jvmOptions();
        out.println("jvm options: " + (jvmOptions.isEmpty() ? "none" : jvmOptions));
        backends.skipped().forEach(line -> out.println("skipped: " + line));
        out.println("backends: " + String.join(", ", backends.names()) + " (the first is the baseline)");
        out.flush();

        List<BackendBench> benches = new ArrayList<>();
        for (var backend : backends.backends()) {
            Stopwatch warmUp = new Stopwatch();
            BackendBench bench = new BackendBench(backend, preset, images, SEED);
            if (warmUpBatches > 0) {
                bench.trainImagesPerSecond(warmUpBatches);
                bench.inferImagesPerSecond(warmUpBatches);
            }
            benches.add(bench);
            out.println("warmed up " + bench.name() + " (" + warmUpBatches + " training and " + warmUpBatches
                    + " inference batches, " + warmUp.elapsed() + ")");
            out.flush();
        }
        List<Throughput> results = measure(benches);
        out.println();
        ThroughputTable.lines(results).forEach(out::println);
        out.println("(medians of " + rounds + " round" + (rounds == 1 ? "" : "s") + "; ratio: images/s over "
                + results.get(0).backend() + "'s, measured in the same run)");
        if (memoryEpochs > 0) {
            watchMemory(benches);
        }
        return 0;
    }

    private BenchImages images() throws Exception {
        if (dataset == null) {
            if (imageShape.given()) {
                throw Options.usage(spec, imageShape.givenNames() + " resizes the images of --dataset; give --dataset too");
            }
            return BenchImages.synthetic(batchSize, SEED);
        }
        DatasetSource located = DatasetAccess.source(dataset, DatasetAccess.Wanted.of(imageShape),
                new LoadReporter(out, spec.commandLine().getErr(), main.interactiveTerminal(), dataset));
        Dataset train = located.train();
        return BenchImages.from(located.name() + " training images " + BenchImages.describe(train.sampleShape())
                + ", " + train.classNames().size() + " classes", train, batchSize);
    }

    private List<Throughput> measure(List<BackendBench> benches) {
        List<Throughput> results = new ArrayList<>();
        benches.forEach(b -> results.add(new Throughput(b.name())));
        for (int round = 1; round <= rounds; round++) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < benches.size(); i++) {
                BackendBench bench = benches.get(i);
                double train = bench.trainImagesPerSecond(batches);
                double infer = bench.inferImagesPerSecond(batches);
                results.get(i).add(train, infer);
                parts.add(bench.name() + " train " + ThroughputTable.imagesPerSecond(train) + ", infer "
                        + ThroughputTable.imagesPerSecond(infer));
            }
            out.println("round " + round + "/" + rounds + " (img/s): " + String.join("; ", parts));
            out.flush();
        }
        return results;
    }

    private void watchMemory(List<BackendBench> benches) {
        out.println();
        out.println("memory after each of " + memoryEpochs + " training epochs of " + batches + " batches (RSS: resident"
                + " memory of the whole process; RSS - heap committed: an estimate of the memory outside the heap, too"
                + " low while committed heap is still untouched)");
        int nameWidth = Math.max("backend".length(), benches.stream().mapToInt(b -> b.name().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %5s  %s%n";
        out.printf(Locale.ROOT, format, "backend", "epoch", ProcessMemory.header());
        for (BackendBench bench : benches) {
            for (int epoch = 1; epoch <= memoryEpochs; epoch++) {
                bench.trainImagesPerSecond(batches);
                out.printf(Locale.ROOT, format, bench.name(), epoch, ProcessMemory.now().columns());
                out.flush();
            }
        }
    }
}
