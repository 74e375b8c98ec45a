package dev.cnn.api.train;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes one line per epoch, such as {@code epoch 2/3: loss 0.0394, train accuracy 98.79%, validation
 * accuracy 99.08%, 2,044 images/s, 29.3 s}, to wherever the caller wants: {@code System.out::println},
 * a logger's {@code info}, a list.
 */
public final class EpochLog implements TrainingListener {
    private final Consumer<String> sink;

    /** @param sink receives each line */
    public EpochLog(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void onEpochEnd(EpochReport r, TrainingControl control) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d: loss %.4f, train accuracy %.2f%%",
                r.epoch(), r.epochs(), r.trainLoss(), 100 * r.trainAccuracy()));
        if (!Double.isNaN(r.validationAccuracy())) {
            line.append(String.format(Locale.ROOT, ", validation accuracy %.2f%%", 100 * r.validationAccuracy()));
        }
        line.append(String.format(Locale.ROOT, ", %,.0f images/s, %.1f s", r.imagesPerSecond(), r.seconds()));
        sink.accept(line.toString());
    }
}
