package dev.cnn.tck;

import dev.cnn.api.tensor.Shape;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * Tensors that differ only in axis 1, for joining and splitting along the channel axis: rank 2 {@code [N, C]} or
 * rank 4 {@code [N, C, H, W]}, one to four parts.
 *
 * @param batch    N, 1-6
 * @param channels the channels of each part, 1-6 each
 * @param spatial  empty for rank 2, else {@code [H, W]}, 1-7 each
 * @param from     for a slice: the first channel taken from the joined tensor (reduced modulo its channels)
 * @param values   the kind of values
 * @param seed     the seed the values are drawn from
 */
public record ChannelCase(int batch, List<Integer> channels, List<Integer> spatial, int from, ValueKind values,
                          int seed) {

    /** The shape of part {@code p}. */
    public Shape part(int p) {
        int[] dims = new int[2 + spatial.size()];
        dims[0] = batch;
        dims[1] = channels.get(p);
        for (int i = 0; i < spatial.size(); i++) {
            dims[2 + i] = spatial.get(i);
        }
        return Shape.of(dims);
    }

    /** The channels of all parts together. */
    public int totalChannels() {
        return channels.stream().mapToInt(Integer::intValue).sum();
    }

    /** A valid first channel of a slice of the joined tensor. */
    public int sliceFrom() {
        return Math.floorMod(from, totalChannels());
    }

    /** A valid channel count for a slice starting at {@link #sliceFrom()}: the first part's channels, cut to fit. */
    public int sliceCount() {
        return Math.min(channels.get(0), totalChannels() - sliceFrom());
    }

    @Override
    public String toString() {
        return "batch " + batch + ", part channels " + channels + ", spatial " + spatial + ", slice from "
                + sliceFrom() + " count " + sliceCount() + ", values " + values + " (seed " + seed + ")";
    }

    /** Every combination, with every kind of value. */
    public static final class Any implements ArbitrarySupplier<ChannelCase> {
        @Override
        public Arbitrary<ChannelCase> get() {
            Arbitrary<List<Integer>> channels = Arbitraries.integers().between(1, 6).list().ofMinSize(1).ofMaxSize(4);
            Arbitrary<List<Integer>> spatial = Arbitraries.oneOf(Arbitraries.just(List.of()),
                    Arbitraries.integers().between(1, 7).list().ofSize(2));
            return Combinators.combine(Arbitraries.integers().between(1, 6), channels, spatial,
                    Arbitraries.integers().between(0, 1000),
                    Arbitraries.of(ValueKind.UNIT, ValueKind.SMALL_INTEGERS, ValueKind.WIDE),
                    Arbitraries.integers().between(0, 1_000_000)).as(ChannelCase::new);
        }
    }
}
