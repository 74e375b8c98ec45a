package dev.cnn.cli;

import dev.cnn.api.train.TrainingRecipe;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The recipe a {@code train} run uses: the options given on the command line over the preset's recipe, over the
 * defaults ({@link TrainingRecipe#over}), checked as a whole; each problem is a one-line usage error naming the option.
 */
final class RecipeAssembly {
    private RecipeAssembly() {
    }

    /** {@code given} over {@code base}, completed with the defaults, and its optimizer made once to check it. */
    static TrainingRecipe used(CommandSpec spec, Supplier<TrainingRecipe> given, TrainingRecipe base) {
        TrainingRecipe used;
        try {
            used = given.get().over(base).complete();
        } catch (IllegalArgumentException e) {
            throw Options.usage(spec, e.getMessage());
        }
        if (used.warmupEpochs() >= used.epochs() && used.warmupEpochs() > 0) {
            throw Options.usage(spec, "--warm-up-epochs " + used.warmupEpochs() + " leaves no epoch of the run's "
                    + used.epochs() + " to train at the full rate; use at most " + (used.epochs() - 1));
        }
        try {
            used.optimizer(1000L * used.epochs(), 1000);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String option = message.startsWith("Nesterov") ? "--nesterov" : message.startsWith("weight decay")
                    ? "--weight-decay" : message.startsWith("momentum") ? "--momentum" : "--optimizer";
            throw Options.usage(spec, option + ": " + message + (message.contains(", not to ")
                    ? "; add --optimizer sgd" + (option.equals("--weight-decay") ? " (or adamw)" : "") : ""));
        }
        return used;
    }

    /** Early stopping and best-epoch keeping judge epochs on validation images, so the run needs some. */
    static void requireValidation(CommandSpec spec, TrainingRecipe used, double validationSplit) {
        if ((used.keepBest() || used.earlyStopping() > 0) && validationSplit == 0) {
            throw Options.usage(spec, (used.earlyStopping() > 0 ? "--early-stopping" : "--keep-best") + " judges each"
                    + " epoch on held-out images; add --validation-split 0.1 (or another fraction)");
        }
    }
}
