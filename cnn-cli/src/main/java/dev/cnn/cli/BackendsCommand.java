package dev.cnn.cli;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.backend.ProviderStatus;
import dev.cnn.backend.cpu.CpuBackend;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cnn backends}: every backend provider found, whether it can run here, and which one is used. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = {"List the compute backends found on the classpath: priority, available or not and why,"
                + " and which one commands use.",
                "Choose another with --backend NAME on any command, -Dcnn.backend=NAME, or CNN_BACKEND=NAME."})
final class BackendsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<ProviderStatus> found = Backends.discover(loader);
        if (found.isEmpty()) {
            throw new CliFailure("no backend providers were found; put a backend jar such as cnn-backend-cpu on the"
                    + " classpath (the ./cnn script adds CNN_EXTRA_CLASSPATH)");
        }
        String defaultName = Backends.defaultName(loader).orElse(null);
        out.printf("%-12s %8s  %s%n", "backend", "priority", "status");
        for (ProviderStatus p : found) {
            String status = p.availability().available() ? "available" : "unavailable: " + Messages.oneLine(p.availability().reason());
            String mark = p.name().equals(defaultName) ? "  (default)" : "";
            out.printf("%-12s %8s  %s%s%n", p.name(), p.priority() == Integer.MIN_VALUE ? "-" : p.priority(), status, mark);
        }
        out.println();
        for (ProviderStatus p : found) {
            String bestFor = p.bestFor();
            if (!bestFor.isEmpty()) {
                out.printf("%s is best for %s%n", p.name(), Messages.oneLine(bestFor));
            }
        }
        if (found.stream().anyMatch(p -> p.name().equals(CpuBackend.NAME) && p.availability().available())) {
            out.println();
            out.println("cpu kernels: " + CpuBackend.kernelDescription());
        }
        out.println();
        if (defaultName == null) {
            out.println("default: none is available");
        } else {
            out.println("default: " + defaultName + " (" + defaultReason() + ")");
        }
        if (common.backendName() != null) {
            Backend chosen = common.backend();
            out.println("selected with --backend: " + chosen.name());
        }
        return 0;
    }

    private static String defaultReason() {
        if (System.getProperty(Backends.PROPERTY) != null && !System.getProperty(Backends.PROPERTY).isBlank()) {
            return "named by -D" + Backends.PROPERTY;
        }
        String env = System.getenv(Backends.ENVIRONMENT_VARIABLE);
        if (env != null && !env.isBlank()) {
            return "named by " + Backends.ENVIRONMENT_VARIABLE;
        }
        return "the available one with the highest priority, which ranks the backends by measured speed";
    }
}
