package dev.cnn.cli.bench;

import dev.cnn.api.network.NodeProfile;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code cnn bench --profile}: where a training step's or an inference batch's time goes, node by node, as a table. */
public final class NodeProfileTable {
    private NodeProfileTable() {
    }

    /**
     * Times {@code steps} training steps (or inference batches) of {@code bench} node by node and prints, per node,
     * the forward and backward microseconds per image and the node's share of the step; the last row is what the step
     * spends outside the nodes (loss, optimizer update, copying the batch in, the output's softmax).
     */
    public static void print(PrintWriter out, String label, BackendBench bench, int steps, int batch, boolean train) {
        NodeProfile profile = new NodeProfile();
        bench.profile(profile);
        long start = System.nanoTime();
        if (train) {
            bench.trainImagesPerSecond(steps);
        } else {
            bench.inferImagesPerSecond(steps);
        }
        long step = System.nanoTime() - start;
        bench.profile(null);
        double images = (double) steps * batch;
        out.printf(Locale.ROOT, "profile %s %s (%d steps, %.1f us per image in all):%n", label, bench.name(), steps,
                step / 1e3 / images);
        int width = Math.max(12, profile.nodes().stream().mapToInt(n -> n.node().length()).max().orElse(0));
        String format = "  %-" + width + "s %10s %10s %7s%n";
        out.printf(Locale.ROOT, format, "node", "fwd us/img", "bwd us/img", "share");
        for (NodeProfile.NodeTime node : profile.nodes()) {
            out.printf(Locale.ROOT, format, node.node(), micros(node.forwardNanos(), images),
                    micros(node.backwardNanos(), images), percent(node.totalNanos(), step));
        }
        long outside = Math.max(0, step - profile.totalNanos());
        out.printf(Locale.ROOT, format, "(rest)", "", micros(outside, images), percent(outside, step));
        out.flush();
    }

    private static String micros(long nanos, double images) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e3 / images);
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / Math.max(1, whole));
    }
}
