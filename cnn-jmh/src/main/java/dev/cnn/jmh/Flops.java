package dev.cnn.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the floating-point work a benchmark did, in GFLOP, so that JMH reports it as a rate: the {@code gflop}
 * secondary result of a throughput benchmark reads as GFLOP/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Flops {
    /** GFLOP done so far in this iteration. */
    public double gflop;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
        gflop = 0;
    }

    /** Records one call that did {@code flop} floating-point operations. */
    void add(double flop) {
        gflop += flop / 1e9;
    }
}
