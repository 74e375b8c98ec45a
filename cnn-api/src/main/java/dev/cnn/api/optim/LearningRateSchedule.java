package dev.cnn.api.optim;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How the learning rate changes with the optimizer step (counted from 0). The schedules that span a whole run (cosine,
 * one-cycle, a warm-up followed by another) need the run's length: {@link #forRun} makes one by name once the number
 * of updates is known, as the training loop does.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LearningRateSchedule.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = LearningRateSchedule.StepDecay.class, name = "step"),
    @JsonSubTypes.Type(value = LearningRateSchedule.Cosine.class, name = "cosine"),
    @JsonSubTypes.Type(value = LearningRateSchedule.Warmup.class, name = "warmup"),
    @JsonSubTypes.Type(value = LearningRateSchedule.Exponential.class, name = "exponential"),
    @JsonSubTypes.Type(value = LearningRateSchedule.OneCycle.class, name = "one-cycle"),
})
public sealed interface LearningRateSchedule {

    /** The multiplier of the base learning rate at {@code step}. */
    double factor(long step);

    /** The same rate at every step. */
    static LearningRateSchedule constant() {
        return new Constant();
    }

    /** The names {@link #forRun} knows. */
    java.util.List<String> RUN_SCHEDULES = java.util.List.of("constant", "cosine", "step", "one-cycle");

    /**
     * The schedule called {@code name} spread over a run of {@code totalSteps} updates, {@code stepsPerEpoch} per
     * epoch, after a linear warm-up of {@code warmupSteps} (0 for none), which the named schedule then follows over the
     * remaining updates: {@code constant}; {@code cosine} down to 0 at the end; {@code step}, halved every epoch;
     * {@code one-cycle} ({@link OneCycle}, whose own rise makes a warm-up unusual).
     *
     * @throws IllegalArgumentException for an unknown name, or a warm-up that is not shorter than the run
     */
    static LearningRateSchedule forRun(String name, long warmupSteps, long totalSteps, long stepsPerEpoch) {
        if (warmupSteps < 0 || (warmupSteps > 0 && warmupSteps >= totalSteps)) {
            throw new IllegalArgumentException("a warm-up of " + warmupSteps + " updates does not fit a run of "
                    + totalSteps + "; make it shorter than the run");
        }
        long remaining = Math.max(1, totalSteps - warmupSteps);
        LearningRateSchedule after = switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "constant" -> constant();
            case "cosine" -> new Cosine(remaining, 0.0);
            case "step" -> new StepDecay(Math.max(1, stepsPerEpoch), 0.5);
            case "one-cycle", "one_cycle", "onecycle" -> OneCycle.of(remaining);
            default -> throw new IllegalArgumentException("unknown schedule '" + name + "'; known: "
                    + String.join(", ", RUN_SCHEDULES));
        };
        return warmupSteps == 0 ? after : new Warmup(warmupSteps, after);
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

    /**
     * The one-cycle policy (Smith and Topin, 2018, as PyTorch's {@code OneCycleLR} with cosine annealing): over the
     * first {@code peakFraction} of {@code totalSteps} the rate rises along half a cosine from {@code 1 / startDivisor}
     * of the base rate to the base rate, which is the peak, then falls along half a cosine to {@code 1 / (startDivisor
     * * endDivisor)} of it at the last step, and stays there after.
     *
     * @param totalSteps   steps of the whole cycle, at least 2
     * @param peakFraction the share of the steps spent rising, in {@code (0, 1)}
     * @param startDivisor the base rate over the starting rate, at least 1
     * @param endDivisor   the starting rate over the final rate, at least 1
     */
    record OneCycle(long totalSteps, double peakFraction, double startDivisor, double endDivisor)
            implements LearningRateSchedule {
        /** Checks the arguments. */
        public OneCycle {
            if (totalSteps < 2 || !(peakFraction > 0 && peakFraction < 1) || !(startDivisor >= 1)
                    || !(endDivisor >= 1) || Double.isInfinite(startDivisor) || Double.isInfinite(endDivisor)) {
                throw new IllegalArgumentException("a one-cycle schedule needs totalSteps >= 2, peakFraction in (0, 1)"
                        + " and finite divisors of at least 1, got " + totalSteps + ", " + peakFraction + ", "
                        + startDivisor + " and " + endDivisor);
            }
        }

        /** PyTorch's defaults: 30% rising, from 1/25 of the peak, down to 1/25 of 1/10,000 of it. */
        public static OneCycle of(long totalSteps) {
            return new OneCycle(Math.max(2, totalSteps), 0.3, 25, 1e4);
        }

        /** The step at which the rate peaks. */
        public long peakStep() {
            return Math.max(1, Math.min(totalSteps - 1, Math.round(peakFraction * totalSteps)));
        }

        @Override
        public double factor(long step) {
            double start = 1 / startDivisor;
            long peak = peakStep();
            if (step < peak) {
                return anneal(start, 1, (double) step / peak);
            }
            double progress = Math.min(1.0, (double) (step - peak) / (totalSteps - 1 - peak));
            return anneal(1, start / endDivisor, progress);
        }

        private static double anneal(double from, double to, double progress) {
            return to + (from - to) * 0.5 * (1 + Math.cos(Math.PI * progress));
        }
    }
}
