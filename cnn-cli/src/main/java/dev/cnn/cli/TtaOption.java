package dev.cnn.cli;

import dev.cnn.api.eval.TestTimeAugmentation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --tta flips|shifts} of {@code eval} and {@code predict}: test-time augmentation ({@link TestTimeAugmentation}). */
final class TtaOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--tta", paramLabel = "KIND", defaultValue = "none",
            description = "Test-time augmentation: average the probabilities over the image and its mirror image"
                    + " (flips: for clothes and objects, not digits) or its shifts by one pixel each way (shifts)"
                    + " (default: ${DEFAULT-VALUE}).")
    private String tta;

    /** The kind asked for; a usage error naming the known ones for another. */
    TestTimeAugmentation kind() {
        try {
            return TestTimeAugmentation.byName(tta);
        } catch (IllegalArgumentException e) {
            throw Options.usage(spec, "--tta: " + e.getMessage());
        }
    }

    /** How the scores were made, for the report's first line: empty without augmentation. */
    String describe() {
        TestTimeAugmentation kind = kind();
        return kind == TestTimeAugmentation.NONE ? "" : ", averaging " + kind.passes() + " passes per image (--tta "
                + kind.id() + ")";
    }
}
