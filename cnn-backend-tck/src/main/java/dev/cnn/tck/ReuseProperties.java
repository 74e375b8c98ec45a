package dev.cnn.tck;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/**
 * The kernels that write into a given tensor, other than the spatial ones ({@link SpatialReuseProperties}): each
 * agrees with the reference and gives what its kernel without {@code Into} gives, whatever the given tensor held
 * ({@link ReuseCheck}).
 */
public interface ReuseProperties extends KitBackends {

    /** A copy: exact. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("tensorInto")
    default void tensorIntoCopies(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        float[] values = c.values().draw(c.seed(), c.shape().size());
        ReuseCheck.assertReuses(trial("tensorInto", c), Tolerance.EXACT, c.shape(), b -> b.tensor(values, c.shape()),
                (b, out) -> b.tensorInto(values, c.shape(), out), referenceBackend(), backendUnderTest());
    }

    /** As {@code matmul}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("matmulInto")
    default void matmulIntoAgrees(@ForAll @From(supplier = MatmulCase.Supplier.class) MatmulCase c) {
        Trial trial = trial("matmulInto", c);
        Twin a = trial.input(c.values(), c.seed(), c.aShape());
        Twin b = trial.input(c.values(), c.seed() + 1L, c.bShape());
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-5, 1e-5), Shape.of(c.m(), c.n()),
                k -> k.matmul(pick(k, a), c.transposeA(), pick(k, b), c.transposeB()),
                (k, out) -> k.matmulInto(pick(k, a), c.transposeA(), pick(k, b), c.transposeB(), out),
                referenceBackend(), backendUnderTest());
    }

    /** As {@code denseForward}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("denseForwardInto")
    default void denseForwardIntoAgrees(@ForAll @From(supplier = MatmulCase.Supplier.class) MatmulCase c) {
        Trial trial = trial("denseForwardInto", c);
        Twin input = trial.input(c.values(), c.seed(), Shape.of(c.m(), c.k()));
        Twin weight = trial.input(c.values(), c.seed() + 1L, Shape.of(c.k(), c.n()));
        Twin bias = trial.input(c.values(), c.seed() + 2L, Shape.of(c.n()));
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-5, 1e-5), Shape.of(c.m(), c.n()),
                k -> k.denseForward(pick(k, input), pick(k, weight), pick(k, bias)),
                (k, out) -> k.denseForwardInto(pick(k, input), pick(k, weight), pick(k, bias), out),
                referenceBackend(), backendUnderTest());
    }

    /** As {@code sumPerChannel}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("sumPerChannelInto")
    default void sumPerChannelIntoAgrees(@ForAll @From(supplier = ElementCase.Channels.class) ElementCase c) {
        Trial trial = trial("sumPerChannelInto", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-5, 1e-5), Shape.of(c.shape().dim(1)),
                k -> k.sumPerChannel(pick(k, x)), (k, out) -> k.sumPerChannelInto(pick(k, x), out),
                referenceBackend(), backendUnderTest());
    }

    /** As {@code scaleShiftPerChannel}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("scaleShiftPerChannelInto")
    default void scaleShiftPerChannelIntoAgrees(@ForAll @From(supplier = ElementCase.Channels.class) ElementCase c) {
        Trial trial = trial("scaleShiftPerChannelInto", c);
        Shape channels = Shape.of(c.shape().dim(1));
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        Twin scale = trial.input(c.values(), c.seed() + 1L, channels);
        Twin shift = trial.input(c.values(), c.seed() + 2L, channels);
        ReuseCheck.assertReuses(trial, Tolerance.of(1e-6, 1e-6), c.shape(),
                k -> k.scaleShiftPerChannel(pick(k, x), pick(k, scale), pick(k, shift)),
                (k, out) -> k.scaleShiftPerChannelInto(pick(k, x), pick(k, scale), pick(k, shift), out),
                referenceBackend(), backendUnderTest());
    }

    /** As {@code relu}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("reluInto")
    default void reluIntoAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("reluInto", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        ReuseCheck.assertReuses(trial, Tolerance.EXACT, c.shape(), k -> k.relu(pick(k, x)),
                (k, out) -> k.reluInto(pick(k, x), out), referenceBackend(), backendUnderTest());
    }

    /** As {@code reluBackward}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("reluBackwardInto")
    default void reluBackwardIntoAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("reluBackwardInto", c);
        Twin x = trial.input(c.values(), c.seed(), c.shape());
        Twin dy = trial.input(ValueKind.UNIT, c.seed() + 1L, c.shape());
        ReuseCheck.assertReuses(trial, Tolerance.EXACT, c.shape(), k -> k.reluBackward(pick(k, x), pick(k, dy)),
                (k, out) -> k.reluBackwardInto(pick(k, x), pick(k, dy), out), referenceBackend(), backendUnderTest());
    }

    /** As {@code add}. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("addInto")
    default void addIntoAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("addInto", c);
        Twin a = trial.input(c.values(), c.seed(), c.shape());
        Twin b = trial.input(c.values(), c.seed() + 1L, c.shape());
        ReuseCheck.assertReuses(trial, Tolerance.EXACT, c.shape(), k -> k.add(pick(k, a), pick(k, b)),
                (k, out) -> k.addInto(pick(k, a), pick(k, b), out), referenceBackend(), backendUnderTest());
    }

    /** One addition per element: exact, the same as {@code add}, and {@code x} left alone. */
    @Property(tries = KitTries.REUSE)
    @ChecksKernel("addInPlace")
    default void addInPlaceAgrees(@ForAll @From(supplier = ElementCase.AnyRank.class) ElementCase c) {
        Trial trial = trial("addInPlace", c);
        float[] start = c.values().draw(c.seed(), c.shape().size());
        Twin target = trial.state(start, c.shape());
        Twin x = trial.input(c.values(), c.seed() + 1L, c.shape());
        Tensor sum = backendUnderTest().add(backendUnderTest().tensor(start, c.shape()), x.underTest());
        referenceBackend().addInPlace(target.reference(), x.reference());
        backendUnderTest().addInPlace(target.underTest(), x.underTest());
        trial.assertStatesAgree(Tolerance.EXACT, target);
        trial.assertAgree(Tolerance.EXACT, sum, target.underTest());
    }

}
