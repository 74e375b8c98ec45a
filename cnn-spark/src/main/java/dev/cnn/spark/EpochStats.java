package dev.cnn.spark;

/** The driver's running totals of one epoch, by step within the epoch, so that a recovery can drop the lost steps. */
final class EpochStats {
    private final double[] lossSum;
    private final long[] images;
    private final long[] correct;
    private final long started = System.nanoTime();
    private long exchangeNanos;
    private long steps;
    int recoveries;

    EpochStats(int stepsPerEpoch) {
        lossSum = new double[stepsPerEpoch];
        images = new long[stepsPerEpoch];
        correct = new long[stepsPerEpoch];
    }

    /** Records the job that began at step {@code at} of the epoch, covering {@code count} steps in {@code wallNanos}. */
    void record(int at, Contribution sum, long wallNanos, int count) {
        lossSum[at] = sum.lossSum;
        images[at] = sum.images;
        correct[at] = sum.correct;
        exchangeNanos += Math.max(0, wallNanos - sum.longestComputeNanos);
        steps += count;
    }

    /** Drops the steps from {@code at} on (all, when the resumed step lies in an earlier epoch). */
    void forgetFrom(int at, boolean sameEpoch) {
        for (int i = sameEpoch ? at : 0; i < lossSum.length; i++) {
            lossSum[i] = 0;
            images[i] = 0;
            correct[i] = 0;
        }
    }

    SparkEpochReport report(int epoch, int epochs, double validationAccuracy) {
        double loss = 0;
        long seen = 0;
        long right = 0;
        for (int i = 0; i < lossSum.length; i++) {
            loss += lossSum[i];
            seen += images[i];
            right += correct[i];
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new SparkEpochReport(epoch, epochs, loss / Math.max(1, seen), (double) right / Math.max(1, seen),
                validationAccuracy, seen / seconds, exchangeNanos / 1e6 / Math.max(1, steps), seconds, recoveries);
    }
}
