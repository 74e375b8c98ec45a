package dev.cnn.api.optim;

/** The checks every built-in optimizer's settings pass. */
final class OptimizerChecks {
    private OptimizerChecks() {
    }

    static void learningRate(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + value);
        }
    }

    static void fraction(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }

    static void epsilonAndDecay(double epsilon, double weightDecay) {
        if (!(epsilon > 0) || !(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("epsilon must be positive and weight decay not negative, got " + epsilon
                    + " and " + weightDecay);
        }
    }

    static LearningRateSchedule schedule(LearningRateSchedule value) {
        return value == null ? LearningRateSchedule.constant() : value;
    }
}
