package dev.cnn.cli;

/** Measures how long a step takes. */
final class Stopwatch {
    private final long start = System.nanoTime();

    /** Seconds since this stopwatch was made. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The time so far, as {@link Messages#duration} writes it. */
    String elapsed() {
        return Messages.duration(seconds());
    }
}
