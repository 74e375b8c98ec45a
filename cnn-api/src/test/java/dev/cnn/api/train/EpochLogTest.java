package dev.cnn.api.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochLogTest {

    @Test
    void writesOneLinePerEpochWithValidationWhenThereIsSome() {
        List<String> lines = new ArrayList<>();
        EpochLog log = new EpochLog(lines::add);
        log.onEpochEnd(new EpochReport(2, 3, 0.03944, 0.98791, 0.05, 0.99081, 2044.4, 29.31, 1e-4), new TrainingControl());
        log.onEpochEnd(new EpochReport(3, 3, 0.02, 0.99, Double.NaN, Double.NaN, 812, 3.04, 0), new TrainingControl());
        assertEquals(List.of(
                "epoch 2/3: loss 0.0394, train accuracy 98.79%, validation accuracy 99.08%, 2,044 images/s, 29.3 s",
                "epoch 3/3: loss 0.0200, train accuracy 99.00%, 812 images/s, 3.0 s"), lines);
    }
}
