package dev.cnn.cli;

import dev.cnn.api.optim.OptimizerTypes;
import dev.cnn.cli.training.ScheduleKind;
import dev.cnn.models.Preset;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values that picocli's types cannot express; each failure is a usage error (exit code 2). */
final class Options {
    private Options() {
    }

    /** A usage error of the command {@code spec}. */
    static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static Preset preset(CommandSpec spec, String id) {
        try {
            return Preset.fromId(id);
        } catch (IllegalArgumentException e) {
            throw usage(spec, e.getMessage());
        }
    }

    /** The registered id of the optimizer {@code name}, such as {@code adam}. */
    static String optimizer(CommandSpec spec, String name) {
        try {
            return OptimizerTypes.byId(name).id();
        } catch (IllegalArgumentException e) {
            throw usage(spec, e.getMessage());
        }
    }

    static ScheduleKind schedule(CommandSpec spec, String name) {
        return ScheduleKind.byName(name).orElseThrow(() -> usage(spec, "unknown schedule '" + name + "'; known: "
                + ScheduleKind.names()));
    }

    static Inversion inversion(CommandSpec spec, String text) {
        try {
            return Inversion.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage(spec, e.getMessage());
        }
    }

    static void atLeast(CommandSpec spec, String option, long value, long minimum) {
        if (value < minimum) {
            throw usage(spec, option + " must be at least " + minimum + ", got " + value);
        }
    }

    /** {@code value} within {@code [minimum, maximum]}, the maximum being one of the limits of a run. */
    static void between(CommandSpec spec, String option, long value, long minimum, long maximum) {
        atLeast(spec, option, value, minimum);
        if (value > maximum) {
            throw usage(spec, String.format(Locale.ROOT, "%s must be at most %,d (ModelLimits), got %,d", option, maximum,
                    value));
        }
    }

    static void positive(CommandSpec spec, String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw usage(spec, option + " must be a positive number, got " + value);
        }
    }

    static void nonNegative(CommandSpec spec, String option, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw usage(spec, option + " must be a number of at least 0, got " + value);
        }
    }
}
