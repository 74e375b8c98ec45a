package dev.cnn.tck;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One try of one property: makes the same tensors on both backends, compares results, and checks
 * that the backend under test left its read-only inputs as they were.
 */
public final class Trial {
    private final String kernel;
    private final Object testCase;
    private final Backend reference;
    private final Backend underTest;
    private final List<Tensor> readOnlyInputs = new ArrayList<>();
    private final List<float[]> originalValues = new ArrayList<>();

    /** A trial of {@code kernel} on {@code testCase}, whose {@code toString} describes the case. */
    public Trial(String kernel, Object testCase, Backend reference, Backend underTest) {
        this.kernel = kernel;
        this.testCase = testCase;
        this.reference = reference;
        this.underTest = underTest;
    }

    /** A read-only input holding {@code values}; {@link #assertAgree} checks it was not modified. */
    public Twin input(float[] values, Shape shape) {
        Twin twin = state(values, shape);
        readOnlyInputs.add(twin.underTest());
        originalValues.add(values.clone());
        return twin;
    }

    /** A read-only input of values of {@code kind} drawn from {@code seed}. */
    public Twin input(ValueKind kind, long seed, Shape shape) {
        return input(kind.draw(seed, shape.size()), shape);
    }

    /** A tensor a kernel may modify (the parameters and state of an optimizer update). */
    public Twin state(float[] values, Shape shape) {
        return new Twin(reference.tensor(values, shape), underTest.tensor(values, shape));
    }

    /** Compares results, then checks the read-only inputs. */
    public void assertAgree(Tolerance tolerance, Tensor expected, Tensor actual) {
        Agreement.assertAgree(kernel, testCase, tolerance, expected, actual);
        assertInputsUnchanged();
    }

    /** Compares scalar results, then checks the read-only inputs. */
    public void assertAgree(Tolerance tolerance, double expected, double actual) {
        Agreement.assertAgree(kernel, testCase, tolerance, expected, actual);
        assertInputsUnchanged();
    }

    /** Compares each pair of modified tensors (reference first), then checks the read-only inputs. */
    public void assertStatesAgree(Tolerance tolerance, Twin... states) {
        for (Twin state : states) {
            Agreement.assertAgree(kernel, testCase, tolerance, state.reference(), state.underTest());
        }
        assertInputsUnchanged();
    }

    private void assertInputsUnchanged() {
        for (int i = 0; i < readOnlyInputs.size(); i++) {
            Tensor input = readOnlyInputs.get(i);
            Agreement.assertUnchanged(kernel, testCase, input.shape(), originalValues.get(i), input.toArray());
        }
    }
}
