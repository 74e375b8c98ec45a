package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.cnn.api.backend.Backend;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.model.Model;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;

/** Loading a hostile model file ends in a {@link ModelFormatException} within 5 s, having allocated under 64 MB. */
final class QuickRefusal {
    private static final long MEGABYTE = 1 << 20;

    private QuickRefusal() {
    }

    /** The message {@code file} is refused with. */
    static String of(Path file, Backend backend) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] allocated = new long[1];
        ModelFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            long before = threads.getCurrentThreadAllocatedBytes();
            try {
                return assertThrows(ModelFormatException.class, () -> Model.load(file, backend));
            } finally {
                allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
            }
        });
        assertTrue(allocated[0] < 64 * MEGABYTE, "refusing " + file.getFileName() + " allocated "
                + allocated[0] / MEGABYTE + " MB");
        return e.getMessage();
    }
}
