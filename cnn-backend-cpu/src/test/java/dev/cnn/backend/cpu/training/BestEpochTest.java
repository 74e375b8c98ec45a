package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.api.layer.Parameter;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.network.Sequential;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.BestEpoch;
import dev.cnn.api.train.EarlyStopping;
import dev.cnn.api.train.EpochReport;
import dev.cnn.api.train.Trainer;
import dev.cnn.api.train.TrainingControl;
import dev.cnn.api.train.TrainingHistory;
import dev.cnn.api.train.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Best-checkpoint keeping: the network ends with the weights of its best-scored epoch. */
class BestEpochTest {
    private final Backend cpu = Backends.select("cpu");

    private static EpochReport report(int epoch, double validationAccuracy) {
        return new EpochReport(epoch, 3, 1.0, 0.5, 1.0, validationAccuracy, 100, 1, 0.01);
    }

    private static Map<String, float[]> weights(Sequential network) {
        Map<String, float[]> out = new LinkedHashMap<>();
        network.parameters().forEach((name, p) -> out.put(name, p.value().toArray()));
        return out;
    }

    private void perturb(Sequential network, float by) {
        for (Parameter p : network.parameters().values()) {
            float[] v = p.value().toArray();
            for (int i = 0; i < v.length; i++) {
                v[i] += by;
            }
            p.setValue(cpu.tensor(v, p.shape()));
        }
    }

    @Test
    void theRunEndsWithTheWeightsOfItsBestEpoch() {
        Sequential network = TrainerTest.smallConvNet(cpu, 3);
        BestEpoch keeper = new BestEpoch(network, null);
        TrainingControl control = new TrainingControl();
        keeper.onEpochEnd(report(1, 0.5), control);
        perturb(network, 0.25f);
        Map<String, float[]> second = weights(network);
        keeper.onEpochEnd(report(2, 0.9), control);
        perturb(network, 0.5f);
        keeper.onEpochEnd(report(3, 0.7), control);
        keeper.onRunEnd(new TrainingHistory(List.of(), Optional.empty()));
        assertEquals(2, keeper.bestEpoch());
        assertEquals(0.9, keeper.bestReport().validationAccuracy());
        second.forEach((name, values) -> assertArrayEquals(values, network.parameters().get(name).value().toArray(),
                0f, name));
    }

    @Test
    void withEarlyStoppingTheKeptWeightsAreTheBestScoredOnValidationWithTheAverage() {
        Dataset data = Stripes.make(64, 4);
        Dataset validation = Stripes.make(32, 9);
        Sequential network = TrainerTest.smallConvNet(cpu, 3);
        Optimizer sgd = new Optimizer(OptimizerConfig.sgd(0.05, 0.9), network.parameters()).averageWeights(0.5);
        BestEpoch keeper = new BestEpoch(network, sgd);
        List<Map<String, float[]>> scoredWeights = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochReport report, TrainingControl control) {
                Map<String, float[]> averaged = new LinkedHashMap<>();
                network.parameters().forEach((name, p) -> averaged.put(name, sgd.average().averaged(name)));
                scoredWeights.add(averaged);
                scores.add(report.validationAccuracy());
            }
        };
        TrainingHistory history = Trainer.builder().setNetwork(network).setLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                .optOptimizer(sgd).optEpochs(6).optBatchSize(16).optSeed(2)
                .optListener(recorder, keeper, new EarlyStopping(2)).build().fit(data, validation);
        int best = 0;
        for (int i = 1; i < scores.size(); i++) {
            best = scores.get(i) > scores.get(best) ? i : best;
        }
        assertEquals(best + 1, keeper.bestEpoch(), "scores " + scores);
        assertTrue(history.epochs().size() >= keeper.bestEpoch());
        scoredWeights.get(best).forEach((name, values) -> assertArrayEquals(values,
                network.parameters().get(name).value().toArray(), 0f, name));
    }
}
