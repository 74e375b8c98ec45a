package dev.cnn.api.train;

import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Head;
import dev.cnn.api.network.Network;
import java.util.List;

/** The heads a {@link Trainer} trains: one loss on a network's only output, or the heads given, each on an output. */
final class TrainerHeads {
    private TrainerHeads() {
    }

    static List<Head> of(Network network, Loss loss, List<Head> heads) {
        if (loss != null && !heads.isEmpty()) {
            throw new IllegalStateException("give either setLoss (one output) or addHead (per output), not both");
        }
        if (loss != null) {
            if (network.outputNames().size() != 1) {
                throw new IllegalStateException("the network has outputs " + network.outputNames()
                        + "; give a loss for each with addHead(output, loss, weight) instead of setLoss");
            }
            return List.of(new Head(network.outputNames().get(0), loss, 1, List.of()));
        }
        if (heads.isEmpty()) {
            throw new NullPointerException("setLoss (or addHead) is required");
        }
        java.util.Set<String> outputs = new java.util.HashSet<>(network.outputNames());
        for (Head head : heads) {
            if (!outputs.contains(head.name())) {
                throw new IllegalStateException("head '" + head.name() + "' is no output of the network; its outputs are "
                        + network.outputNames());
            }
        }
        return List.copyOf(heads);
    }
}
