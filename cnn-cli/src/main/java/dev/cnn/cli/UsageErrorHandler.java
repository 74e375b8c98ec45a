package dev.cnn.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Reports a usage error as one line on stderr that says what is wrong and where help is; exit code 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + describe(ex) + ". See ./" + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    private static String describe(ParameterException ex) {
        String message = ex.getMessage();
        List<String> unknown = ex.getCommandLine().getUnmatchedArguments();
        if (!(ex instanceof UnmatchedArgumentException) && !unknown.isEmpty()) {
            message = (unknown.get(0).startsWith("-") ? "unknown option '" : "unexpected argument '") + unknown.get(0) + "'";
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> unmatchedArgs = unmatched.getUnmatched();
            boolean hasSubcommands = !ex.getCommandLine().getSubcommands().isEmpty();
            if (hasSubcommands && !unmatchedArgs.isEmpty() && !unmatchedArgs.get(0).startsWith("-")) {
                message = "unknown command '" + unmatchedArgs.get(0) + "'";
            }
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += " (did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))
                        + "?)";
            }
        }
        message = Messages.oneLine(message);
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
