package dev.cnn.tck;

import dev.cnn.api.tensor.Shape;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/**
 * One optimizer step from random parameters, gradients and state: the parameter and every state
 * tensor must agree afterwards, and the gradient must be left alone.
 */
public interface OptimizerProperties extends KitBackends {

    @Property(tries = KitTries.OPTIMIZER)
    @ChecksKernel("sgdUpdateInPlace")
    default void sgdUpdateAgrees(@ForAll @From(supplier = OptimizerCase.Supplier.class) OptimizerCase c) {
        Trial trial = trial("sgdUpdateInPlace", c);
        Shape shape = c.shape();
        Twin param = trial.state(ValueKind.UNIT.draw(c.seed(), shape.size()), shape);
        Twin grad = trial.input(ValueKind.UNIT, c.seed() + 1L, shape);
        Twin velocity = trial.state(ValueKind.UNIT.draw(c.seed() + 2L, shape.size()), shape);
        referenceBackend().sgdUpdateInPlace(param.reference(), grad.reference(), velocity.reference(),
                c.learningRate(), c.momentum(), c.nesterov(), c.decay());
        backendUnderTest().sgdUpdateInPlace(param.underTest(), grad.underTest(), velocity.underTest(),
                c.learningRate(), c.momentum(), c.nesterov(), c.decay());
        trial.assertStatesAgree(Tolerance.of(1e-6, 1e-5), param, velocity);
    }

    /** The division by {@code sqrt(v) + epsilon} amplifies rounding where v is tiny: relative 1e-4. */
    @Property(tries = KitTries.OPTIMIZER)
    @ChecksKernel("adamUpdateInPlace")
    default void adamUpdateAgrees(@ForAll @From(supplier = OptimizerCase.Supplier.class) OptimizerCase c) {
        Trial trial = trial("adamUpdateInPlace", c);
        Shape shape = c.shape();
        Twin param = trial.state(ValueKind.UNIT.draw(c.seed(), shape.size()), shape);
        Twin grad = trial.input(ValueKind.UNIT, c.seed() + 1L, shape);
        Twin m = trial.state(scaled(ValueKind.UNIT.draw(c.seed() + 2L, shape.size()), 0.1f), shape);
        Twin v = trial.state(squared(ValueKind.UNIT.draw(c.seed() + 3L, shape.size()), 0.1f), shape);
        referenceBackend().adamUpdateInPlace(param.reference(), grad.reference(), m.reference(), v.reference(),
                c.learningRate(), c.momentum(), c.beta2(), c.epsilon(), c.step(), c.decay(), c.decoupled());
        backendUnderTest().adamUpdateInPlace(param.underTest(), grad.underTest(), m.underTest(), v.underTest(),
                c.learningRate(), c.momentum(), c.beta2(), c.epsilon(), c.step(), c.decay(), c.decoupled());
        trial.assertStatesAgree(Tolerance.of(1e-5, 1e-4), param, m, v);
    }

    @Property(tries = KitTries.OPTIMIZER)
    @ChecksKernel("rmsPropUpdateInPlace")
    default void rmsPropUpdateAgrees(@ForAll @From(supplier = OptimizerCase.Supplier.class) OptimizerCase c) {
        Trial trial = trial("rmsPropUpdateInPlace", c);
        Shape shape = c.shape();
        Twin param = trial.state(ValueKind.UNIT.draw(c.seed(), shape.size()), shape);
        Twin grad = trial.input(ValueKind.UNIT, c.seed() + 1L, shape);
        Twin meanSquare = trial.state(squared(ValueKind.UNIT.draw(c.seed() + 2L, shape.size()), 0.1f), shape);
        referenceBackend().rmsPropUpdateInPlace(param.reference(), grad.reference(), meanSquare.reference(),
                c.learningRate(), c.beta2(), c.epsilon(), c.decay());
        backendUnderTest().rmsPropUpdateInPlace(param.underTest(), grad.underTest(), meanSquare.underTest(),
                c.learningRate(), c.beta2(), c.epsilon(), c.decay());
        trial.assertStatesAgree(Tolerance.of(1e-5, 1e-4), param, meanSquare);
    }

    private static float[] scaled(float[] values, float factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return values;
    }

    /** Non-negative second-moment state: {@code (factor * value)^2}. */
    private static float[] squared(float[] values, float factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (values[i] * factor) * (values[i] * factor);
        }
        return values;
    }
}
