package dev.cnn.cli;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.DatasetSource;
import dev.cnn.api.eval.HeadEvaluation;
import dev.cnn.api.eval.HeadEvaluator;
import dev.cnn.api.eval.TagEvaluation;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.cli.training.ScheduleKind;
import dev.cnn.models.Preset;
import dev.cnn.spark.SparkTrainer;
import dev.cnn.spark.SparkTrainingHistory;
import dev.cnn.spark.Strategy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code cnn train --spark MASTER}: the same training run, data-parallel on Apache Spark through {@code cnn-spark}; a
 * preset with a tag head (tagger) trains both its heads, on a tagged dataset.
 * Spark's classes are loaded only here, so the command line without {@code --spark} never needs them; the
 * {@code ./cnn} script puts Spark's jars on the classpath when {@code --spark} is given.
 *
 * @param master      the Spark master, such as {@code local[2]} or {@code spark://host:7077}
 * @param partitions  the partitions the training images are split into
 * @param averageEvery 0 for synchronous gradient averaging, else parameter averaging every that many local steps
 */
record SparkTraining(String master, int partitions, int averageEvery) {

    /** Trains {@code preset} on {@code located} and writes the model (a checkpoint with optimizer state) to {@code out}. */
    int run(Preset preset, DatasetSource located, int epochs, int batchSize, String optimizer, double learningRate,
            ScheduleKind schedule, long seed, long checkpointEvery, Path out, Backend backend, PrintWriter stdout)
            throws Exception {
        Dataset rawTrain = located.train();
        Normalization pre = Normalization.fit(rawTrain);
        Dataset train = rawTrain.normalized(pre);
        Dataset test = located.test().normalized(pre);
        if (preset.tagged() && !train.hasTags()) {
            throw new CliFailure(preset.id() + " learns tags as well as classes, and " + located.name() + " has no tags;"
                    + " train it on a tagged dataset (--dataset shapes, or an image folder with a tags.csv)");
        }
        int classes = train.classNames().size();
        Model model = new Model(preset.tagged()
                ? preset.build(train.sampleShape(), classes, train.tagNames().size(), backend, seed)
                : preset.build(train.sampleShape(), classes, backend, seed),
                preset.heads(train.classNames(), train.tagNames()), pre);
        long stepsPerEpoch = (train.size() + batchSize - 1) / batchSize;
        OptimizerConfig config = OptimizerConfig.byName(optimizer, learningRate)
                .withSchedule(schedule.schedule(stepsPerEpoch * epochs, stepsPerEpoch));
        Strategy strategy = averageEvery == 0 ? Strategy.gradientAveraging() : Strategy.parameterAveraging(averageEvery);
        ModelFiles.checkWritable(out);
        SparkConf conf = new SparkConf().setAppName("cnn train " + preset.id() + " on " + located.name());
        if (!conf.contains("spark.master")) {
            conf.setMaster(master);
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            SparkTrainingHistory history = SparkTrainer.builder().setContext(sc).setModel(model).setOptimizer(config)
                    .setStrategy(strategy).optEpochs(epochs).optBatchSize(batchSize).optSeed(seed)
                    .optCheckpoint(out.toString(), checkpointEvery).optDatasetName(located.name())
                    .optDatasetFingerprint(rawTrain.fingerprint())
                    .optLog(line -> {
                        stdout.println(line);
                        stdout.flush();
                    }).build().fit(train, partitions);
            stdout.println("model: " + out + " (" + history.steps() + " steps, " + history.recoveries()
                    + " recoveries)");
        }
        Map<String, HeadEvaluation> scores = HeadEvaluator.evaluate(model.network(), model.heads(), test, 256);
        model.tagHead().ifPresent(head -> {
            TagEvaluation tags = scores.get(head.name()).tags();
            stdout.printf(Locale.ROOT, "test tags: macro F1 %.4f, mAP %.4f, exact match %s (thresholds 0.5 for every"
                    + " tag; no validation split to choose them on)%n", tags.macroF1(), tags.meanAveragePrecision(),
                    Messages.percent(tags.exactMatchRate()));
        });
        stdout.println("test accuracy: " + Messages.percent(scores.get(model.classHead().orElseThrow().name()).classes()
                .accuracy()));
        return 0;
    }
}
