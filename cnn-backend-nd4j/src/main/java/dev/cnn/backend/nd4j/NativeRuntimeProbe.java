package dev.cnn.backend.nd4j;

import dev.cnn.api.backend.Availability;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads ND4J's native libraries once, by making and summing a tiny array, and remembers whether
 * that worked. Failures of class initialisation and native linking are caught and turned into a
 * reason, so backend selection can move on to another provider.
 */
final class NativeRuntimeProbe {
    private static volatile Availability result;

    private NativeRuntimeProbe() {
    }

    static Availability result() {
        Availability known = result;
        if (known == null) {
            synchronized (NativeRuntimeProbe.class) {
                known = result;
                if (known == null) {
                    known = probe();
                    result = known;
                }
            }
        }
        return known;
    }

    private static Availability probe() {
        try {
            float sum = Nd4j.create(new float[] {1, 2}, new long[] {2}, 'c').sumNumber().floatValue();
            NativeThreads.applyConfiguredCount();
            if (sum != 3.0f) {
                return Availability.no("ND4J computed 1 + 2 = " + sum);
            }
            return Availability.yes();
        } catch (Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return Availability.no("ND4J native libraries could not be loaded: " + e
                    + (root == e ? "" : " (caused by " + root + ")"));
        }
    }
}
