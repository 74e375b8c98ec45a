package dev.cnn.api.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a network's time goes: the wall time each node spent in its forward and backward passes, summed over the
 * passes run while the profile was attached ({@link GraphNetwork#profile(NodeProfile)}). Timing adds one clock read
 * per node and pass, and nothing when no profile is attached.
 */
public final class NodeProfile {
    private final Map<String, long[]> nanos = new LinkedHashMap<>();
    private long forwardPasses;
    private long backwardPasses;

    /** The time of one node: summed forward and backward nanoseconds. */
    public record NodeTime(String node, long forwardNanos, long backwardNanos) {
        /** Forward plus backward. */
        public long totalNanos() {
            return forwardNanos + backwardNanos;
        }
    }

    void addForward(String node, long elapsed) {
        nanos.computeIfAbsent(node, n -> new long[2])[0] += elapsed;
    }

    void addBackward(String node, long elapsed) {
        nanos.computeIfAbsent(node, n -> new long[2])[1] += elapsed;
    }

    void countForwardPass() {
        forwardPasses++;
    }

    void countBackwardPass() {
        backwardPasses++;
    }

    /** How many forward passes were timed. */
    public long forwardPasses() {
        return forwardPasses;
    }

    /** How many backward passes were timed. */
    public long backwardPasses() {
        return backwardPasses;
    }

    /** Every node that ran, in the order it first ran. */
    public List<NodeTime> nodes() {
        List<NodeTime> times = new ArrayList<>();
        nanos.forEach((node, t) -> times.add(new NodeTime(node, t[0], t[1])));
        return times;
    }

    /** The nanoseconds of every node's forward and backward passes together. */
    public long totalNanos() {
        return nanos.values().stream().mapToLong(t -> t[0] + t[1]).sum();
    }

    /** Forgets every time measured so far. */
    public void clear() {
        nanos.clear();
        forwardPasses = 0;
        backwardPasses = 0;
    }
}
