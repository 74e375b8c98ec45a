package dev.cnn.spark;

import java.io.Serializable;

/** How {@link SparkTrainer} combines the work of the partitions. */
public sealed interface Strategy extends Serializable permits Strategy.GradientAveraging, Strategy.ParameterAveraging {

    /**
     * Synchronous gradient averaging: every step, each partition computes the gradient of its share of the global
     * batch, the driver averages them (weighted by share size) and applies one optimizer update. Equals single-process
     * training on the same global batches, up to the order of float sums; one Spark job per step.
     */
    static Strategy gradientAveraging() {
        return new GradientAveraging();
    }

    /**
     * Parameter averaging: each partition takes {@code everySteps} local optimizer steps on its shares of the global
     * batches from the same starting parameters and optimizer state, then the driver averages the parameters and the
     * optimizer state (weighted by the images each partition saw). One Spark job per {@code everySteps} steps.
     */
    static Strategy parameterAveraging(int everySteps) {
        return new ParameterAveraging(everySteps);
    }

    /** The optimizer steps one Spark job covers. */
    int stepsPerJob();

    /** See {@link Strategy#gradientAveraging()}. */
    record GradientAveraging() implements Strategy {
        private static final long serialVersionUID = 1L;

        @Override
        public int stepsPerJob() {
            return 1;
        }

        @Override
        public String toString() {
            return "gradient averaging";
        }
    }

    /**
     * See {@link Strategy#parameterAveraging(int)}.
     *
     * @param everySteps local steps between two averagings, at least 1
     */
    record ParameterAveraging(int everySteps) implements Strategy {
        private static final long serialVersionUID = 1L;

        /** Checks the period. */
        public ParameterAveraging {
            if (everySteps < 1) {
                throw new IllegalArgumentException("parameter averaging needs at least 1 local step between averagings,"
                        + " got " + everySteps);
            }
        }

        @Override
        public int stepsPerJob() {
            return everySteps;
        }

        @Override
        public String toString() {
            return "parameter averaging every " + everySteps + " steps";
        }
    }
}
