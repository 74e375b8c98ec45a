package dev.cnn.tck;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The check every {@code ...Into} kernel gets: its result agrees with the reference's kernel, and on the backend under
 * test it is bit for bit what the kernel without {@code Into} gives, whether {@code out} is null, a tensor of the
 * result's shape full of garbage (NaN, infinities, huge values), the kernel's own previous result, or a tensor of
 * another shape (which must be ignored).
 */
public final class ReuseCheck {
    private ReuseCheck() {
    }

    /** Values no kernel may let through: a result that depends on them is wrong. */
    public static float[] garbage(int count) {
        float[] pattern = {Float.NaN, Float.POSITIVE_INFINITY, -1e30f, Float.NEGATIVE_INFINITY, 7f, -0f, 1e30f};
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = pattern[i % pattern.length];
        }
        return values;
    }

    /** A tensor of {@code backend} of {@code shape} holding {@link #garbage}. */
    public static Tensor garbage(Backend backend, Shape shape) {
        return backend.tensor(garbage(shape.size()), shape);
    }

    /**
     * Runs the check.
     *
     * @param trial     the trial, which also checks that the read-only inputs stayed as they were
     * @param tolerance how far the backend under test may be from the reference
     * @param outShape  the shape of the result
     * @param fresh     the kernel without {@code Into}, on the given backend
     * @param into      the {@code Into} kernel on the given backend and {@code out}
     */
    public static void assertReuses(Trial trial, Tolerance tolerance, Shape outShape, Function<Backend, Tensor> fresh,
                                    BiFunction<Backend, Tensor, Tensor> into, Backend reference, Backend underTest) {
        Tensor expected = into.apply(reference, garbage(reference, outShape));
        Tensor plain = fresh.apply(underTest);
        Tensor reused = into.apply(underTest, garbage(underTest, outShape));
        trial.assertAgree(tolerance, expected, reused);
        trial.assertAgree(Tolerance.EXACT, plain, reused);
        trial.assertAgree(Tolerance.EXACT, plain, into.apply(underTest, null));
        trial.assertAgree(Tolerance.EXACT, plain, into.apply(underTest, reused));
        Shape other = Shape.of(outShape.size() + 1);
        Tensor ignored = garbage(underTest, other);
        trial.assertAgree(Tolerance.EXACT, plain, into.apply(underTest, ignored));
        if (!Arrays.equals(garbage(other.size()), ignored.toArray())) {
            throw new AssertionError("an Into kernel wrote into an out tensor of shape " + other
                    + " for a result of shape " + outShape);
        }
    }
}
