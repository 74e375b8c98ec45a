package dev.cnn.api.train;

import dev.cnn.api.layer.Parameter;
import dev.cnn.api.network.Network;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.optim.WeightAverage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Best-checkpoint keeping: remembers the weights of the epoch with the best score (validation accuracy, or without a
 * validation split the lowest training loss, as {@link EarlyStopping} judges), and when the run ends puts them back
 * into the network, so that the model a run leaves is its best epoch's, not its last one's. With a
 * {@linkplain Optimizer#averageWeights weight average} the weights kept are the averaged ones, which were the ones
 * scored; every parameter is kept, batch-norm statistics included. Add it after the listeners that score an epoch and
 * before an {@link EarlyStopping}, in any order relative to the latter.
 */
public final class BestEpoch implements TrainingListener {
    private final Network network;
    private final Optimizer optimizer;
    private Map<String, float[]> best;
    private int bestEpoch;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private EpochReport bestReport;

    /**
     * @param network   the network being trained
     * @param optimizer its optimizer, whose weight average (if any) holds the weights that are scored
     */
    public BestEpoch(Network network, Optimizer optimizer) {
        this.network = network;
        this.optimizer = optimizer;
    }

    @Override
    public void onEpochEnd(EpochReport report, TrainingControl control) {
        double score = EarlyStopping.score(report);
        if (score > bestScore) {
            bestScore = score;
            bestEpoch = report.epoch();
            bestReport = report;
            best = snapshot();
        }
    }

    private Map<String, float[]> snapshot() {
        WeightAverage average = optimizer == null ? null : optimizer.average();
        Map<String, float[]> out = new LinkedHashMap<>();
        network.parameters().forEach((name, p) -> out.put(name,
                average != null && p.trainable() ? average.averaged(name) : p.value().toArray()));
        return out;
    }

    @Override
    public void onRunEnd(TrainingHistory history) {
        restoreBest();
    }

    /**
     * Puts the best epoch's weights into the network (the averaged ones, with a weight average, which the network then
     * holds); nothing when no epoch has ended.
     */
    public void restoreBest() {
        if (best == null) {
            return;
        }
        if (optimizer != null && optimizer.average() != null) {
            optimizer.average().useAveragedWeights();
        }
        for (Map.Entry<String, Parameter> entry : network.parameters().entrySet()) {
            Parameter p = entry.getValue();
            p.setValue(p.value().backend().tensor(best.get(entry.getKey()), p.shape()));
        }
    }

    /** The number of the best epoch so far (from 1), 0 before any has ended. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The report of the best epoch so far, or null before any has ended. */
    public EpochReport bestReport() {
        return bestReport;
    }
}
