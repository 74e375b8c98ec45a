package dev.cnn.tck;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/**
 * Joining and splitting along axis 1, the kernels of the {@code concatenate} layer (forward: concat, backward:
 * slice) and of grouped convolutions. Both only move values, so they must agree exactly.
 */
public interface ChannelProperties extends KitBackends {

    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("concatChannels")
    default void concatChannelsAgrees(@ForAll @From(supplier = ChannelCase.Any.class) ChannelCase c) {
        Trial trial = trial("concatChannels", c);
        List<Tensor> reference = new ArrayList<>();
        List<Tensor> underTest = new ArrayList<>();
        for (int p = 0; p < c.channels().size(); p++) {
            Twin part = trial.input(c.values(), c.seed() + p, c.part(p));
            reference.add(part.reference());
            underTest.add(part.underTest());
        }
        trial.assertAgree(Tolerance.EXACT, referenceBackend().concatChannels(reference),
                backendUnderTest().concatChannels(underTest));
    }

    @Property(tries = KitTries.ELEMENT_WISE)
    @ChecksKernel("sliceChannels")
    default void sliceChannelsAgrees(@ForAll @From(supplier = ChannelCase.Any.class) ChannelCase c) {
        Trial trial = trial("sliceChannels", c);
        int[] dims = c.part(0).dims();
        dims[1] = c.totalChannels();
        Twin x = trial.input(c.values(), c.seed(), Shape.of(dims));
        trial.assertAgree(Tolerance.EXACT, referenceBackend().sliceChannels(x.reference(), c.sliceFrom(), c.sliceCount()),
                backendUnderTest().sliceChannels(x.underTest(), c.sliceFrom(), c.sliceCount()));
    }
}
