package dev.cnn.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/** What a benchmark ran on, so that numbers from different runs are not compared blindly. */
public final class MachineDescription {
    private MachineDescription() {
    }

    /** Processors, Java version, load average and maximum heap, in one line. */
    public static String summary() {
        String load = ProcFiles.loadAverage().map(l -> l + " (1, 5, 15 min)").orElse("n/a");
        return String.format(Locale.ROOT, "%d processors, Java %s (%s), load average %s, max heap %,d MB",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), load, Runtime.getRuntime().maxMemory() / 1048576);
    }

    /** The options the JVM was started with, such as {@code -Xmx4g -Dcnn.nd4j.threads=1}; empty when none. */
    public static String jvmOptions() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return String.join(" ", options);
    }
}
