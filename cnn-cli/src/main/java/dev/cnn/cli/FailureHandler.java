package dev.cnn.cli;

import dev.cnn.api.backend.BackendSelectionException;
import dev.cnn.api.eval.NonFiniteOutputException;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failure while a command runs as one line on stderr, exit code 1. The stack trace is printed only with
 * {@code --verbose}.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println("error: " + describe(ex));
        if (isVerbose(command)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** The one-line message for {@code ex}. */
    static String describe(Throwable ex) {
        Throwable e = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile() + "; check the path";
        }
        if (e instanceof AccessDeniedException denied) {
            return "cannot access " + denied.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException fs) {
            return "cannot access " + fs.getFile() + ": " + (fs.getReason() != null ? fs.getReason()
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way where a directory should be"
                    : e instanceof java.nio.file.NotDirectoryException ? "not a directory" : "the file system refused");
        }
        if (e instanceof ModelFormatException) {
            return Messages.oneLine(e.getMessage()) + " (model files are written by ./cnn train --out FILE)";
        }
        if (e instanceof CliFailure || e instanceof IOException || e instanceof BackendSelectionException
                || e instanceof TrainingDivergedException || e instanceof IllegalArgumentException
                || e instanceof NonFiniteOutputException) {
            return Messages.oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Messages.oneLine(e.getMessage()))
                + "; run again with --verbose to see where it happened";
    }

    private static boolean isVerbose(CommandLine command) {
        for (CommandLine c = command; c != null; c = c.getParent()) {
            CommandSpec spec = c.getCommandSpec();
            for (CommandSpec mixin : spec.mixins().values()) {
                if (mixin.userObject() instanceof CommonOptions options && options.verbose()) {
                    return true;
                }
            }
        }
        return false;
    }
}
