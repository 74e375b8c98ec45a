package dev.cnn.cli;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.backend.ProviderStatus;
import dev.cnn.backend.cpu.CpuBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The backends a benchmark compares, the baseline first, and those it left out.
 *
 * @param backends the backends to measure; the first is the baseline
 * @param skipped  for each provider found but not usable, its name and why
 */
record BenchBackends(List<Backend> backends, List<String> skipped) {

    /** The backends' names, in order. */
    List<String> names() {
        return backends.stream().map(Backend::name).toList();
    }

    /**
     * The backends named in {@code requested}, in that order, or when it is null every available one with the
     * pure-Java reference (cpu) first. An unknown or repeated name is a usage error; a named backend that cannot run
     * here is a failure saying why.
     */
    static BenchBackends choose(CommandSpec spec, List<String> requested) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<ProviderStatus> found = Backends.discover(loader);
        if (requested == null) {
            return everyAvailable(found, loader);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : requested) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            if (found.stream().noneMatch(p -> p.name().equals(wanted))) {
                throw Options.usage(spec, "unknown backend '" + name.trim() + "'; found: "
                        + found.stream().map(ProviderStatus::name).collect(Collectors.joining(", ")) + " (see ./cnn backends)");
            }
            if (!names.add(wanted)) {
                throw Options.usage(spec, "backend '" + wanted + "' is named twice in --backends");
            }
        }
        return new BenchBackends(names.stream().map(n -> Backends.select(n, loader)).toList(), List.of());
    }

    private static BenchBackends everyAvailable(List<ProviderStatus> found, ClassLoader loader) {
        List<Backend> backends = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        found.stream().sorted(Comparator.comparing(p -> !p.name().equals(CpuBackend.NAME))).forEach(p -> {
            if (p.provider() != null && p.availability().available()) {
                backends.add(Backends.select(p.name(), loader));
            } else {
                skipped.add(p.name() + " (unavailable: " + Messages.oneLine(p.availability().reason()) + ")");
            }
        });
        if (backends.isEmpty()) {
            throw new CliFailure("no backend can run here" + (skipped.isEmpty() ? "" : ": " + String.join(", ", skipped))
                    + "; put a backend jar such as cnn-backend-cpu on the classpath");
        }
        return new BenchBackends(List.copyOf(backends), List.copyOf(skipped));
    }
}
