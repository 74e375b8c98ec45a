package dev.cnn.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;

/**
 * Finite-difference check that an analytic gradient is the derivative of
 * {@code L(x) = sum(projection * f(x))}, summed in double, by central differences.
 */
final class GradientCheck {
    static final float EPS = 1e-2f;
    static final double REL_TOL = 1e-2;
    static final double ABS_TOL = 1e-3;

    private GradientCheck() {
    }

    /** Checks {@code analytic} against central differences at {@code samples} random coordinates of {@code x}. */
    static void check(String what, float[] x, Function<float[], float[]> forward, float[] projection,
                      float[] analytic, int samples, Random random) {
        for (int s = 0; s < samples; s++) {
            int i = random.nextInt(x.length);
            float[] plus = x.clone();
            float[] minus = x.clone();
            plus[i] = x[i] + EPS;
            minus[i] = x[i] - EPS;
            double numeric = (project(projection, forward.apply(plus)) - project(projection, forward.apply(minus)))
                    / ((double) plus[i] - minus[i]);
            double error = Math.abs(numeric - analytic[i]);
            double allowed = REL_TOL * Math.max(Math.abs(numeric), Math.abs(analytic[i])) + ABS_TOL;
            assertTrue(error <= allowed, what + " gradient at " + i + ": analytic " + analytic[i]
                    + " but finite difference " + numeric);
        }
    }

    private static double project(float[] projection, float[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (double) projection[i] * y[i];
        }
        return s;
    }
}
