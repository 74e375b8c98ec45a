package dev.cnn.cli.training;

import dev.cnn.api.optim.LearningRateSchedule;

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
}
