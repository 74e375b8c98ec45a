package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    @Test
    void versionNamesTheToolAndJava() {
        Cli.Result r = Cli.run("--version").succeeded();
        assertTrue(r.out().startsWith("cnn "), r.out());
        assertTrue(r.out().contains("Java "), r.out());
    }

    @Test
    void helpListsEveryCommand() {
        Cli.Result r = Cli.run("--help").succeeded();
        for (String command : new String[] {"demo", "train", "eval", "predict", "summary", "visualize", "bench", "backends", "datasets"}) {
            assertTrue(r.out().contains("  " + command + " "), command + " in\n" + r.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "train", "eval", "predict", "summary", "visualize", "bench", "backends", "datasets"})
    void everyCommandHasHelp(String command) {
        Cli.Result r = Cli.run(command, "--help").succeeded();
        assertTrue(r.out().startsWith("Usage: cnn " + command), r.out());
        assertEquals("", r.err());
    }

    @Test
    void helpCommandShowsACommandsHelp() {
        assertTrue(Cli.run("help", "train").succeeded().out().contains("--validation-split"));
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.run().failedWith(2, "./cnn demo");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.run("trian").failedWith(2, "unknown command 'trian'");
    }

    @Test
    void unknownOptionIsAUsageErrorEvenWhenRequiredOnesAreMissing() {
        Cli.run("train", "--no-such-option").failedWith(2, "unknown option '--no-such-option'");
        Cli.run("backends", "--no-such-option").failedWith(2, "--no-such-option");
    }

    @Test
    void badOptionValueIsAUsageError() {
        Cli.run("summary", "--model", "mlp", "--classes", "many").failedWith(2, "'many' is not an int");
    }
}
