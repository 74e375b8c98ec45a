package dev.cnn.api.optim;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How the learning rate changes with the optimizer step (counted from 0). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LearningRateSchedule.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = LearningRateSchedule.StepDecay.class, name = "step"),
    @JsonSubTypes.Type(value = LearningRateSchedule.Cosine.class, name = "cosine"),
    @JsonSubTypes.Type(value = LearningRateSchedule.Warmup.class, name = "warmup"),
    @JsonSubTypes.Type(value = LearningRateSchedule.Exponential.class, name = "exponential"),
})
public sealed interface LearningRateSchedule {

    /** The multiplier of the base learning rate at {@code step}. */
    double factor(long step);

    /** The same rate at every step. */
    static LearningRateSchedule constant() {
        return new Constant();
    }

    /** The base rate at every step. */
    record Constant() implements LearningRateSchedule {
        @Override
        public double factor(long step) {
            return 1;
        }
    }

    /**
     * Multiplies the rate by {@code gamma} every {@code everySteps} steps.
     *
     * @param everySteps steps between decays, at least 1
     * @param gamma      the multiplier, in {@code (0, 1]}
     */
    record StepDecay(long everySteps, double gamma) implements LearningRateSchedule {
        /** Checks the arguments. */
        public StepDecay {
            if (everySteps < 1 || !(gamma > 0 && gamma <= 1)) {
                throw new IllegalArgumentException("step decay needs everySteps >= 1 and gamma in (0, 1], got "
                        + everySteps + " and " + gamma);
            }
        }

        @Override
        public double factor(long step) {
            return Math.pow(gamma, step / everySteps);
        }
    }

    /**
     * Half a cosine from the base rate down to {@code minFactor} times it over {@code totalSteps}.
     *
     * @param totalSteps steps until the minimum, at least 1
     * @param minFactor  the final multiplier, in {@code [0, 1]}
     */
    record Cosine(long totalSteps, double minFactor) implements LearningRateSchedule {
        /** Checks the arguments. */
        public Cosine {
            if (totalSteps < 1 || !(minFactor >= 0 && minFactor <= 1)) {
                throw new IllegalArgumentException("cosine schedule needs totalSteps >= 1 and minFactor in [0, 1], got "
                        + totalSteps + " and " + minFactor);
            }
        }

        @Override
        public double factor(long step) {
            double progress = Math.min(1.0, (double) step / totalSteps);
            return minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * progress));
        }
    }

    /**
     * Ramps linearly from near 0 to the full rate over {@code warmupSteps}, then follows {@code then}
     * (counting its steps from the end of the warm-up).
     *
     * @param warmupSteps steps of the linear ramp, at least 1
     * @param then        the schedule after the ramp
     */
    record Warmup(long warmupSteps, LearningRateSchedule then) implements LearningRateSchedule {
        /** Checks the arguments. */
        public Warmup {
            if (warmupSteps < 1 || then == null) {
                throw new IllegalArgumentException("warm-up needs warmupSteps >= 1 and a schedule to follow");
            }
        }

        @Override
        public double factor(long step) {
            return step < warmupSteps ? (step + 1.0) / warmupSteps : then.factor(step - warmupSteps);
        }
    }

    /**
     * Grows (or shrinks) the rate geometrically, by {@code totalFactor} over {@code totalSteps}: the sweep of a
     * learning-rate finder.
     *
     * @param totalSteps  steps over which the factor is reached, at least 1
     * @param totalFactor the multiplier reached at {@code totalSteps}, positive
     */
    record Exponential(long totalSteps, double totalFactor) implements LearningRateSchedule {
        /** Checks the arguments. */
        public Exponential {
            if (totalSteps < 1 || !(totalFactor > 0) || Double.isInfinite(totalFactor)) {
                throw new IllegalArgumentException("an exponential schedule needs totalSteps >= 1 and a positive finite"
                        + " factor, got " + totalSteps + " and " + totalFactor);
            }
        }

        @Override
        public double factor(long step) {
            return Math.pow(totalFactor, (double) step / totalSteps);
        }
    }
}
