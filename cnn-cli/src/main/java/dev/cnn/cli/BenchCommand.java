package dev.cnn.cli;

import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.DatasetSource;
import dev.cnn.cli.bench.AllocationMeter;
import dev.cnn.cli.bench.BackendBench;
import dev.cnn.cli.bench.BenchImages;
import dev.cnn.cli.bench.MachineDescription;
import dev.cnn.cli.bench.NodeProfileTable;
import dev.cnn.cli.bench.ProcessMemory;
import dev.cnn.backend.cpu.CpuBackend;
import dev.cnn.cli.bench.Measurement;
import dev.cnn.cli.bench.ThroughputTable;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.tensor.Shape;
import dev.cnn.models.Preset;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cnn bench}: training and inference speed of every backend, for each model, input size and batch size asked
 * for, measured in interleaved rounds of one run and reported as a ratio to the first backend, because a shared
 * machine's speed drifts between runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare the speed of backends: train presets with Adam and run them for inference on each,"
                + " in interleaved rounds so that machine noise falls on all of them alike, and print the median"
                + " images per second, one line per measurement, and a table with the ratio to the first backend.",
                "With --memory-epochs, also train a few epochs per backend and print the process's memory after each,"
                        + " to see whether memory outside the heap stays flat."},
        footer = {"", "Examples:", "  ./cnn bench", "  ./cnn bench --model conv-20-40,mlp --batch-size 32,64,512 --backends cpu,nd4j",
                "  ./cnn bench --input-size 28,56,112 --batches 5", "  ./cnn bench --model all", "  ./cnn bench --model vgg-small --profile", "  CNN_EXTRA_CLASSPATH=... ./cnn bench --memory-epochs 5"})
final class BenchCommand implements Callable<Integer> {
    /** Every backend's network starts from the same weights. */
    static final long SEED = 1;
    /** Without --batches, each measurement times about this many images (whole batches, at least two). */
    static final int IMAGES_PER_MEASUREMENT = 3200;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Mixin
    private CommonOptions common;

    @Option(names = "--model", paramLabel = "PRESET", split = ",", defaultValue = "conv-20-40",
            description = "Architectures, comma-separated, or all: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = PresetNames.class)
    private List<String> models;

    @Option(names = "--batch-size", paramLabel = "N", split = ",", defaultValue = "64",
            description = "Training batch sizes, comma-separated (default: ${DEFAULT-VALUE}).")
    private List<Integer> batchSizes;

    @Option(names = "--infer-batch-size", paramLabel = "N", split = ",", defaultValue = "256",
            description = "Inference batch sizes, comma-separated (default: ${DEFAULT-VALUE}, as the PyTorch reference).")
    private List<Integer> inferBatchSizes;

    @Option(names = "--input-size", paramLabel = "PIXELS", split = ",", defaultValue = "28",
            description = "Sides of the square synthetic 1-channel input images, comma-separated, for example 28,56,112"
                    + " (default: ${DEFAULT-VALUE}).")
    private List<Integer> inputSizes;

    @Option(names = "--batches", paramLabel = "N",
            description = "Batches timed per measurement (default: enough for about " + IMAGES_PER_MEASUREMENT
                    + " images, at least 2).")
    private Integer batches;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds, each measuring every backend once; the median counts (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "10",
            description = "Untimed batches per backend and measurement before the rounds, so that code is"
                    + " compiled and buffers are allocated (default: ${DEFAULT-VALUE}).")
    private int warmUpBatches;

    @Option(names = "--warm-up-seconds", paramLabel = "S", defaultValue = "3",
            description = "Keep warming up, --warm-up batches at a time, until this many seconds have passed: the JIT"
                    + " compiles the kernels in the first seconds, and a shorter warm-up measures the interpreter"
                    + " (default: ${DEFAULT-VALUE}).")
    private double warmUpSeconds;

    @Option(names = "--optimizer", paramLabel = "adam|sgd", defaultValue = "adam",
            description = "adam (learning rate " + BackendBench.LEARNING_RATE + ") or sgd: plain SGD without momentum,"
                    + " learning rate " + BackendBench.SGD_LEARNING_RATE + ", as the PyTorch reference benchmark"
                    + " (default: ${DEFAULT-VALUE}).")
    private String optimizerName;

    @Option(names = "--backends", paramLabel = "NAME", split = ",",
            description = "Backends to compare, the first being the baseline (default: every available one, cpu first).")
    private List<String> backendNames;

    @Option(names = "--dataset", paramLabel = "NAME|DIR",
            description = "Images to use: mnist, fashion-mnist, shapes, a directory of IDX files or a folder of class"
                    + " folders of images (default: synthetic random images, needing no download).")
    private String dataset;

    @Option(names = "--profile",
            description = "After each case, time every node of the network over the same number of steps (or inference"
                    + " batches) and print its forward and backward time per image and its share of the step.")
    private boolean profile;

    @Option(names = "--memory-epochs", paramLabel = "N", defaultValue = "0",
            description = "Afterwards, train N epochs of the first case's batches per backend and print the memory after"
                    + " each (default: ${DEFAULT-VALUE}, off).")
    private int memoryEpochs;

    private PrintWriter out;
    private OptimizerConfig optimizer;

    @Override
    public Integer call() throws Exception {
        List<Preset> presets = presets();
        optimizer = optimizer();
        for (int size : batchSizes) {
            Options.atLeast(spec, "--batch-size", size, 1);
        }
        for (int size : inferBatchSizes) {
            Options.atLeast(spec, "--infer-batch-size", size, 1);
        }
        for (int size : inputSizes) {
            Options.atLeast(spec, "--input-size", size, 1);
        }
        if (batches != null) {
            Options.atLeast(spec, "--batches", batches, 1);
        }
        Options.atLeast(spec, "--rounds", rounds, 1);
        Options.atLeast(spec, "--warm-up", warmUpBatches, 0);
        Options.nonNegative(spec, "--warm-up-seconds", warmUpSeconds);
        Options.atLeast(spec, "--memory-epochs", memoryEpochs, 0);
        if (common.backendName() != null) {
            throw Options.usage(spec, "bench compares backends: name them with --backends " + common.backendName() + ",...");
        }
        if (dataset != null && spec.commandLine().getParseResult().hasMatchedOption("--input-size")) {
            throw Options.usage(spec, "--input-size applies to the synthetic images; a dataset has its own size");
        }
        BenchBackends backends = BenchBackends.choose(spec, backendNames);
        out = spec.commandLine().getOut();
        String dataName = null;
        Dataset trainImages = null;
        if (dataset != null) {
            DatasetSource source = DatasetAccess.source(dataset, DatasetAccess.Wanted.asTheyAre(),
                    new LoadReporter(out, spec.commandLine().getErr(), main.interactiveTerminal(), dataset));
            dataName = source.name();
            trainImages = source.train();
            presets = withoutTaggedPresets(presets, trainImages, dataName);
        }

        out.printf(Locale.ROOT, "cnn bench: %s, training batches of %s, inference batches of %s, %s, %d round%s,"
                        + " %s, seed %d%n", presets.stream().map(Preset::id).collect(Collectors.joining(", ")),
                join(batchSizes), join(inferBatchSizes),
                batches == null ? "about " + IMAGES_PER_MEASUREMENT + " images timed per measurement"
                        : batches + " timed batches per measurement",
                rounds, rounds == 1 ? "" : "s", optimizerDescription(), SEED);
        out.println("data: " + (trainImages == null ? "synthetic random images " + inputSizes.stream()
                .map(s -> BenchImages.describe(sample(s))).collect(Collectors.joining(", ")) + ", "
                + BenchImages.PRESET_CLASSES + " classes" : dataName + " training images "
                + BenchImages.describe(trainImages.sampleShape()) + ", " + trainImages.classNames().size() + " classes"));
        out.println("machine: " + MachineDescription.summary());
        if (backends.names().contains(CpuBackend.NAME)) {
            out.println("cpu kernels: " + CpuBackend.kernelDescription());
        }
        String jvmOptions = MachineDescription.jvmOptions();
        out.println("jvm options: " + (jvmOptions.isEmpty() ? "none" : jvmOptions));
        backends.skipped().forEach(line -> out.println("skipped: " + line));
        out.println("backends: " + String.join(", ", backends.names()) + " (the first is the baseline)");
        out.flush();

        List<Measurement> results = new ArrayList<>();
        List<Integer> sizes = trainImages == null ? inputSizes : List.of(trainImages.sampleShape().dim(1));
        for (Preset preset : presets) {
            for (int size : sizes) {
                for (int batch : batchSizes) {
                    results.addAll(measure("train", preset, size, images(dataName, trainImages, size, batch), backends));
                }
                for (int batch : inferBatchSizes) {
                    results.addAll(measure("infer", preset, size, images(dataName, trainImages, size, batch), backends));
                }
            }
        }
        out.println();
        ThroughputTable.lines(results).forEach(out::println);
        out.println("(medians of " + rounds + " round" + (rounds == 1 ? "" : "s") + "; ratio: images/s over the first"
                + " backend's (" + backends.names().get(0) + ") on the same case, measured in the same run)");
        if (memoryEpochs > 0) {
            watchMemory(backends, presets.get(0), images(dataName, trainImages, sizes.get(0), batchSizes.get(0)));
        }
        return 0;
    }

    private OptimizerConfig optimizer() {
        return switch (optimizerName.trim().toLowerCase(Locale.ROOT)) {
            case "adam" -> OptimizerConfig.adam(BackendBench.LEARNING_RATE);
            case "sgd" -> OptimizerConfig.sgd(BackendBench.SGD_LEARNING_RATE, 0);
            default -> throw Options.usage(spec, "unknown optimizer '" + optimizerName + "' for bench; known: adam, sgd");
        };
    }

    private String optimizerDescription() {
        return optimizerName.trim().equalsIgnoreCase("sgd") ? "SGD (learning rate " + BackendBench.SGD_LEARNING_RATE
                + ", no momentum)" : "Adam (learning rate " + BackendBench.LEARNING_RATE + ")";
    }

    private List<Preset> presets() {
        if (models.size() == 1 && models.get(0).trim().equals("all")) {
            return Arrays.asList(Preset.values());
        }
        List<Preset> presets = new ArrayList<>();
        for (String id : models) {
            Preset preset = Options.preset(spec, id.trim());
            if (presets.contains(preset)) {
                throw Options.usage(spec, "model '" + preset.id() + "' is named twice in --model");
            }
            presets.add(preset);
        }
        return presets;
    }

    /**
     * The presets that can train on {@code data}: a tagged preset needs tags, so with an untagged dataset it is
     * left out of {@code --model all} (and said so) and refused when named.
     */
    private List<Preset> withoutTaggedPresets(List<Preset> presets, Dataset data, String dataName) {
        if (data.hasTags()) {
            return presets;
        }
        boolean all = models.size() == 1 && models.get(0).trim().equals("all");
        List<Preset> kept = new ArrayList<>();
        for (Preset preset : presets) {
            if (!preset.tagged()) {
                kept.add(preset);
            } else if (all) {
                spec.commandLine().getOut().println("skipped: " + preset.id() + " (it learns tags, and " + dataName
                        + " has none)");
            } else {
                throw Options.usage(spec, preset.id() + " learns tags and " + dataName + " has none: benchmark it on"
                        + " the synthetic images (no --dataset) or on a tagged dataset such as shapes");
            }
        }
        return kept;
    }

    private static Shape sample(int size) {
        return Shape.of(1, size, size);
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static BenchImages images(String dataName, Dataset trainImages, int size, int batch) {
        if (trainImages == null) {
            return BenchImages.synthetic(sample(size), batch, SEED);
        }
        return BenchImages.from(dataName + " training images", trainImages, batch);
    }

    private int timedBatches(int batch) {
        return batches != null ? batches : Math.max(2, (IMAGES_PER_MEASUREMENT + batch - 1) / batch);
    }

    /** One case on every backend: warm-up, then rounds that each measure every backend once. */
    private List<Measurement> measure(String kind, Preset preset, int size, BenchImages images, BenchBackends backends) {
        boolean train = kind.equals("train");
        int batch = images.batchSize();
        int timed = timedBatches(batch);
        List<BackendBench> benches = new ArrayList<>();
        List<Measurement> results = new ArrayList<>();
        String label = kind + " " + preset.id() + " batch=" + batch + (size == BenchImages.PRESET_INPUT.dim(1) ? "" : " input=" + size);
        for (var backend : backends.backends()) {
            Stopwatch warmUp = new Stopwatch();
            BackendBench bench = new BackendBench(backend, preset, images, SEED, optimizer);
            int warmedUp = 0;
            if (warmUpBatches > 0) {
                do {
                    run(bench, train, warmUpBatches);
                    warmedUp += warmUpBatches;
                } while (warmUp.seconds() < warmUpSeconds);
            }
            benches.add(bench);
            results.add(new Measurement(kind, preset.id(), size, batch, bench.name()));
            out.println("warmed up " + bench.name() + " for " + label + " (" + warmedUp + " batches, " + warmUp.elapsed() + ")");
            out.flush();
        }
        for (int round = 1; round <= rounds; round++) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < benches.size(); i++) {
                double value = run(benches.get(i), train, timed);
                results.get(i).samples().add(value);
                parts.add(benches.get(i).name() + " " + ThroughputTable.imagesPerSecond(value));
            }
            out.println("round " + round + "/" + rounds + " " + label + " (img/s, " + timed + " batches): " + String.join("; ", parts));
            out.flush();
        }
        results.forEach(r -> out.println(r.line()));
        if (profile) {
            for (BackendBench bench : benches) {
                NodeProfileTable.print(out, label, bench, timed, batch, train);
            }
        }
        if (train && AllocationMeter.supported()) {
            for (BackendBench bench : benches) {
                out.printf(Locale.ROOT, "bench alloc %s %s batch=%d%s: %,.0f bytes/step (Java heap, all threads)%n",
                        preset.id(), bench.name(), batch, size == BenchImages.PRESET_INPUT.dim(1) ? "" : " input=" + size,
                        bench.allocatedBytesPerTrainingStep(timed));
            }
        }
        out.flush();
        return results;
    }

    private static double run(BackendBench bench, boolean train, int batches) {
        return train ? bench.trainImagesPerSecond(batches) : bench.inferImagesPerSecond(batches);
    }

    private void watchMemory(BenchBackends backends, Preset preset, BenchImages images) {
        int timed = timedBatches(images.batchSize());
        out.println();
        out.println("memory after each of " + memoryEpochs + " training epochs of " + timed + " batches (RSS: resident"
                + " memory of the whole process; RSS - heap committed: an estimate of the memory outside the heap, too"
                + " low while committed heap is still untouched)");
        int nameWidth = Math.max("backend".length(), backends.names().stream().mapToInt(String::length).max().orElse(0));
        String format = "%-" + nameWidth + "s  %5s  %s%n";
        out.printf(Locale.ROOT, format, "backend", "epoch", ProcessMemory.header());
        for (var backend : backends.backends()) {
            BackendBench bench = new BackendBench(backend, preset, images, SEED, optimizer);
            for (int epoch = 1; epoch <= memoryEpochs; epoch++) {
                bench.trainImagesPerSecond(timed);
                out.printf(Locale.ROOT, format, bench.name(), epoch, ProcessMemory.now().columns());
                out.flush();
            }
        }
    }
}
