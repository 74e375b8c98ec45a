package dev.cnn.backend.cpu;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether {@link Math#fma} compiles to a hardware instruction here. Where it does, fused
 * multiply-add kernels are faster; where it does not, {@code Math.fma} falls back to slow exact
 * arithmetic, so kernels must use a separate multiply and add instead.
 */
final class FusedMultiplyAdd {
    /** True when the JVM runs with {@code -XX:+UseFMA}, which it turns on when the processor has FMA. */
    static final boolean IN_HARDWARE = detect();

    private FusedMultiplyAdd() {
    }

    private static boolean detect() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm != null && Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
