package dev.cnn.cli.training;

import dev.cnn.api.optim.LearningRateSchedule;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The learning-rate schedules offered on the command line, each spread over a whole run
 * ({@link LearningRateSchedule#forRun}), optionally after a linear warm-up.
 */
public enum ScheduleKind {
    /** The same rate throughout. */
    CONSTANT("constant"),
    /** Half a cosine from the base rate down to zero over the whole run. */
    COSINE("cosine"),
    /** The rate halves after every epoch. */
    STEP("step"),
    /** Up to the base rate over the first 30% of the run, then far down ({@link LearningRateSchedule.OneCycle}). */
    ONE_CYCLE("one-cycle");

    private final String id;

    ScheduleKind(String id) {
        this.id = id;
    }

    /** The name on the command line, such as {@code one-cycle}. */
    public String id() {
        return id;
    }

    /** The kind called {@code name} ({@code one-cycle} or {@code one_cycle}, any case); empty when none is. */
    public static Optional<ScheduleKind> byName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }

    /** Every name, comma separated. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ScheduleKind::id).toList());
    }

    /** The schedule for a run of {@code totalSteps} updates with {@code stepsPerEpoch} per epoch. */
    public LearningRateSchedule schedule(long totalSteps, long stepsPerEpoch) {
        return schedule(totalSteps, stepsPerEpoch, 0);
    }

    /** As {@link #schedule(long, long)}, after a linear warm-up of {@code warmupSteps} updates (0 for none). */
    public LearningRateSchedule schedule(long totalSteps, long stepsPerEpoch, long warmupSteps) {
        return LearningRateSchedule.forRun(id, warmupSteps, Math.max(1, totalSteps), stepsPerEpoch);
    }

    /**
     * The kind whose schedule for a run of {@code totalSteps} updates, {@code stepsPerEpoch} per epoch, is
     * {@code schedule}, with or without a warm-up of whole epochs shorter than the run; empty when none is: the
     * schedule was made for a run of another length, or not by the command line.
     */
    public static Optional<ScheduleKind> fitting(LearningRateSchedule schedule, long totalSteps, long stepsPerEpoch) {
        long warmup = schedule instanceof LearningRateSchedule.Warmup w ? w.warmupSteps() : 0;
        if (warmup > 0 && (warmup >= totalSteps || warmup % Math.max(1, stepsPerEpoch) != 0)) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(k -> k.schedule(totalSteps, stepsPerEpoch, warmup).equals(schedule))
                .findFirst();
    }

    /** {@code schedule} in words: {@code cosine over 300 updates}, {@code halved every 100 updates}, {@code constant}. */
    public static String describe(LearningRateSchedule schedule) {
        if (schedule instanceof LearningRateSchedule.Constant) {
            return "constant";
        }
        if (schedule instanceof LearningRateSchedule.Cosine c) {
            return String.format(Locale.ROOT, "cosine over %,d updates", c.totalSteps());
        }
        if (schedule instanceof LearningRateSchedule.StepDecay s) {
            return String.format(Locale.ROOT, "times %s every %,d updates", s.gamma(), s.everySteps());
        }
        if (schedule instanceof LearningRateSchedule.OneCycle o) {
            return String.format(Locale.ROOT, "one-cycle over %,d updates, peak at update %,d", o.totalSteps(),
                    o.peakStep());
        }
        if (schedule instanceof LearningRateSchedule.Warmup w) {
            return String.format(Locale.ROOT, "linear warm-up over %,d updates, then %s", w.warmupSteps(),
                    describe(w.then()));
        }
        return schedule.toString();
    }
}
