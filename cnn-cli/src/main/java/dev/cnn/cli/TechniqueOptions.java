package dev.cnn.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of {@code train} for the training techniques of small-model results: label smoothing, random erasing,
 * learning-rate warm-up, SGD's momentum, Nesterov momentum and weight decay, a moving average of the weights, early
 * stopping and best-epoch keeping. Each checks its value and gives a one-line usage error naming itself.
 */
final class TechniqueOptions {
    /** Every option here, for the checks that refuse them together (a resume, Spark). */
    static final List<String> NAMES = List.of("--label-smoothing", "--random-erasing", "--warm-up-epochs", "--momentum",
            "--nesterov", "--weight-decay", "--ema", "--early-stopping", "--keep-best");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--label-smoothing", paramLabel = "X", description = "Train the class head against targets with X of"
            + " their weight spread evenly over the classes, e.g. 0.1 (default: 0).")
    Double labelSmoothing;

    @Option(names = "--random-erasing", paramLabel = "P", description = "Erase a random rectangle (2% to 40% of the"
            + " area) of each training image with probability P, filling it with noise, e.g. 0.5 (default: 0).")
    Double randomErasing;

    @Option(names = "--warm-up-epochs", paramLabel = "N", description = "Raise the learning rate linearly from near 0"
            + " over the first N epochs, then follow --schedule over the rest (default: 0).")
    Integer warmUpEpochs;

    @Option(names = "--momentum", paramLabel = "X", description = "With --optimizer sgd: the momentum (default: 0.9).")
    Double momentum;

    @Option(names = "--nesterov", description = "With --optimizer sgd: Nesterov momentum.")
    Boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "X", description = "With --optimizer sgd or adamw: decoupled weight"
            + " decay, the fraction of each weight removed per update times the learning rate, e.g. 5e-4 (default: 0"
            + " for sgd, 0.01 for adamw).")
    Double weightDecay;

    @Option(names = "--ema", paramLabel = "DECAY", description = "Keep a moving average of the weights with this decay,"
            + " e.g. 0.999; evaluation and the saved model use it (default: none).")
    Double ema;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE", description = "Stop when the validation accuracy has"
            + " not improved for PATIENCE epochs, keeping the best epoch's model; needs --validation-split.")
    Integer earlyStopping;

    @Option(names = "--keep-best", description = "Keep the model of the epoch with the best validation accuracy, not the"
            + " last one; needs --validation-split.")
    Boolean keepBest;

    /** Checks the values given; each failure is a usage error naming its option. */
    void check() {
        fraction("--label-smoothing", labelSmoothing, false);
        fraction("--random-erasing", randomErasing, true);
        fraction("--momentum", momentum, false);
        if (warmUpEpochs != null) {
            Options.atLeast(spec, "--warm-up-epochs", warmUpEpochs, 0);
        }
        if (earlyStopping != null) {
            Options.atLeast(spec, "--early-stopping", earlyStopping, 1);
        }
        if (weightDecay != null) {
            Options.nonNegative(spec, "--weight-decay", weightDecay);
        }
        if (ema != null && !(ema > 0 && ema < 1)) {
            throw Options.usage(spec, "--ema is a decay above 0 and below 1, such as 0.999; got " + ema);
        }
    }

    private void fraction(String option, Double value, boolean oneAllowed) {
        if (value != null && !(value >= 0 && (oneAllowed ? value <= 1 : value < 1))) {
            throw Options.usage(spec, option + " is a fraction at least 0 and " + (oneAllowed ? "at most 1" : "below 1")
                    + ", such as " + (option.equals("--momentum") ? "0.9" : "0.1") + "; got " + value);
        }
    }
}
