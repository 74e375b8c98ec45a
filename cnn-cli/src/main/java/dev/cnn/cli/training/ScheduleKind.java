package dev.cnn.cli.training;

import dev.cnn.api.optim.LearningRateSchedule;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The learning-rate schedules offered on the command line, each spread over a whole run. */
public enum ScheduleKind {
    /** The same rate throughout. */
    CONSTANT,
    /** Half a cosine from the base rate down to zero over the whole run. */
    COSINE,
    /** The rate halves after every epoch. */
    STEP;

    /** The schedule for a run of {@code totalSteps} updates with {@code stepsPerEpoch} per epoch. */
    public LearningRateSchedule schedule(long totalSteps, long stepsPerEpoch) {
        return switch (this) {
            case CONSTANT -> LearningRateSchedule.constant();
            case COSINE -> new LearningRateSchedule.Cosine(Math.max(1, totalSteps), 0.0);
            case STEP -> new LearningRateSchedule.StepDecay(Math.max(1, stepsPerEpoch), 0.5);
        };
    }

    /**
     * The kind whose schedule for a run of {@code totalSteps} updates, {@code stepsPerEpoch} per epoch, is
     * {@code schedule}; empty when none is: the schedule was made for a run of another length, or not by the command line.
     */
    public static Optional<ScheduleKind> fitting(LearningRateSchedule schedule, long totalSteps, long stepsPerEpoch) {
        return Arrays.stream(values()).filter(k -> k.schedule(totalSteps, stepsPerEpoch).equals(schedule)).findFirst();
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
        return schedule.toString();
    }
}
