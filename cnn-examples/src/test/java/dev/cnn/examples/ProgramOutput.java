package dev.cnn.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs an example's {@code main} and keeps what it printed. */
final class ProgramOutput {
    interface Program {
        void run() throws Exception;
    }

    private ProgramOutput() {
    }

    static String of(Program program) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    /** The percentage printed after {@code label}, as in {@code test accuracy: 97.12%}. */
    static double percentAfter(String output, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "[^0-9]*([0-9.]+)%").matcher(output);
        if (!m.find()) {
            throw new AssertionError("no percentage after '" + label + "' in:\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }
}
