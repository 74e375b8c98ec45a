package dev.cnn.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code cnn} command line: train, evaluate, predict and look inside convolutional networks. Exit codes: 0 on
 * success, 2 for a usage error, 1 for any other failure.
 */
@Command(name = "cnn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train, evaluate and look inside convolutional neural networks.",
                "New here? Run: ./cnn demo"},
        subcommands = {DemoCommand.class, TrainCommand.class, EvalCommand.class, PredictCommand.class,
                SummaryCommand.class, VisualizeCommand.class, CompareCommand.class, BenchCommand.class, BackendsCommand.class,
                DatasetsCommand.class, ExportCommand.class, ImportCommand.class, HelpCommand.class})
public final class Main implements Runnable {
    private final boolean interactiveTerminal;

    @Spec
    private CommandSpec spec;

    /** @param interactiveTerminal whether progress may redraw a line in place (a terminal, not a file or pipe) */
    public Main(boolean interactiveTerminal) {
        this.interactiveTerminal = interactiveTerminal;
    }

    /** Whether progress may be drawn as a bar that redraws itself. */
    boolean interactiveTerminal() {
        return interactiveTerminal;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command; to see a network learn, run ./cnn demo");
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(out, err, System.console() != null, args));
    }

    /**
     * Runs one command in this process, writing to {@code out} and {@code err}.
     *
     * @return the exit code: 0 success, 1 failure, 2 usage error
     */
    public static int execute(PrintWriter out, PrintWriter err, boolean interactiveTerminal, String... args) {
        System.setProperty("java.awt.headless", "true");
        if (List.of(args).contains("--verbose") || List.of(args).contains("-v")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        CommandLine commandLine = new CommandLine(new Main(interactiveTerminal));
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        out = new PrintWriter(new TerminalSafeWriter(out), true);
        err = new PrintWriter(new TerminalSafeWriter(err), true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory (" + e.getMessage() + "); give Java more with CNN_JAVA_OPTS=-Xmx8g,"
                    + " or use a smaller --batch-size");
            return CommandLine.ExitCode.SOFTWARE;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
