package dev.cnn.cli;

import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --threshold X} of the commands that read a tagger's tags ({@code eval}, {@code predict}): one decision
 * threshold for every tag, in place of the per-tag thresholds saved in the model file.
 */
public final class ThresholdOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--threshold", paramLabel = "X", description = "Count a tag as present from probability X (0 to 1)"
            + " for every tag, instead of each tag's own threshold saved in the model file (a tagger only).")
    private Float threshold;

    /** Whether {@code --threshold} was given. */
    public boolean given() {
        return threshold != null;
    }

    /**
     * {@code model} with every tag decided at {@code --threshold} when it was given, otherwise unchanged.
     *
     * @throws picocli.CommandLine.ParameterException when X is no probability or the model has no tag head
     */
    public Model apply(Model model) {
        if (threshold == null) {
            return model;
        }
        if (!(threshold >= 0f && threshold <= 1f)) {
            throw Options.usage(command, "--threshold is a probability between 0 and 1, such as 0.5; got " + threshold);
        }
        Head tags = model.tagHead().orElseThrow(() -> Options.usage(command, "--threshold sets the decision threshold of"
                + " tags, but this model has no tag head (it only classifies); drop --threshold"));
        return model.withHead(tags.withThreshold(threshold));
    }

    /** Where the tag thresholds in force come from, for the line above a tag table. */
    public String describe(Model model) {
        if (threshold != null) {
            return "thresholds: " + threshold + " for every tag (--threshold)";
        }
        boolean own = model.tagHead().map(h -> !h.thresholds().isEmpty()).orElse(false);
        return own ? "thresholds: each tag's own, chosen on validation images for its best F1 and saved in the model file"
                : "thresholds: " + Head.DEFAULT_THRESHOLD + " for every tag (the model file holds none)";
    }
}
