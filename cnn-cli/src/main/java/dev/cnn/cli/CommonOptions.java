package dev.cnn.cli;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.backend.ProviderStatus;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The options every command takes: {@code --backend} and {@code --verbose}. */
public final class CommonOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Compute backend to run on (default: the highest-priority available one; see ./cnn backends).")
    private String backendName;

    @Option(names = {"-v", "--verbose"}, description = "Print more detail, and stack traces on failure.")
    private boolean verbose;

    /** Whether {@code --verbose} was given. */
    public boolean verbose() {
        return verbose;
    }

    /** The name given with {@code --backend}, or null. */
    public String backendName() {
        return backendName;
    }

    /**
     * The backend to run on. A name that no provider has is a usage error; a provider that cannot run here is a
     * failure whose message says why.
     */
    public Backend backend() {
        List<ProviderStatus> found = Backends.discover(Thread.currentThread().getContextClassLoader());
        if (backendName != null) {
            String wanted = backendName.trim().toLowerCase(Locale.ROOT);
            if (found.stream().noneMatch(p -> p.name().equals(wanted))) {
                throw new ParameterException(command.commandLine(), "unknown backend '" + backendName + "'; found: "
                        + found.stream().map(ProviderStatus::name).collect(Collectors.joining(", "))
                        + " (see ./cnn backends)");
            }
        }
        Backend backend = Backends.select(backendName);
        logger().debug("running on backend {}", backend.name());
        return backend;
    }

    /**
     * {@code backend}'s name and how it was chosen, for the line a command prints before it trains: "cpu (the
     * default: ...)" when nothing named it, so a user sees why.
     */
    public String describe(Backend backend) {
        if (backendName != null) {
            return backend.name() + " (chosen with --backend)";
        }
        String property = System.getProperty(Backends.PROPERTY);
        if (property != null && !property.isBlank()) {
            return backend.name() + " (named by -D" + Backends.PROPERTY + ")";
        }
        String variable = System.getenv(Backends.ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return backend.name() + " (named by " + Backends.ENVIRONMENT_VARIABLE + ")";
        }
        return backend.name() + " (the default: the fastest available by measured priority; ./cnn backends)";
    }

    private static Logger logger() {
        return LoggerFactory.getLogger(CommonOptions.class);
    }
}
