package dev.cnn.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which images of which shard make up each global batch: the same answer on the driver and on every executor, from
 * the shard sizes, the global batch size and the seed alone, so that a run resumed at any step sees the batches the
 * uninterrupted run saw.
 *
 * <p>An epoch has {@code ceil(total / batchSize)} steps. Each shard shuffles its own images once per epoch (seeded by
 * the seed, the epoch and the shard) and gives step {@code t} the slice {@code [t * n / steps, (t + 1) * n / steps)} of
 * that order, so every image is used once per epoch and each shard's share of a batch is proportional to its size.
 * The global batch of step {@code t} is the union of the shards' shares: {@link #globalIndices} lists it, as indices
 * into the shards laid end to end, for single-process training on the same batches.
 */
public final class ShardPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] shardSizes;
    private final int batchSize;
    private final long seed;
    private final int total;
    private final int stepsPerEpoch;

    /** The plan for shards of {@code shardSizes} images, global batches of {@code batchSize}. */
    public ShardPlan(int[] shardSizes, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the global batch size must be at least 1, got " + batchSize);
        }
        long sum = 0;
        for (int n : shardSizes) {
            sum += n;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("the training data is empty; there is nothing to train on");
        }
        this.shardSizes = shardSizes.clone();
        this.batchSize = batchSize;
        this.seed = seed;
        this.total = Math.toIntExact(sum);
        this.stepsPerEpoch = (total + batchSize - 1) / batchSize;
    }

    /** How many images all shards hold together. */
    public int totalImages() {
        return total;
    }

    /** The number of shards (partitions). */
    public int shards() {
        return shardSizes.length;
    }

    /** The global batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** Updates per epoch. */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** The 1-based epoch that global step {@code step} (counted from 0) belongs to. */
    public int epochOf(long step) {
        return (int) (step / stepsPerEpoch) + 1;
    }

    /** The images of shard {@code shard} in the batch of global step {@code step}, as indices into that shard. */
    public int[] share(int shard, long step) {
        int n = shardSizes[shard];
        int epoch = epochOf(step);
        long t = step % stepsPerEpoch;
        int from = (int) (t * n / stepsPerEpoch);
        int to = (int) ((t + 1) * n / stepsPerEpoch);
        int[] order = order(shard, epoch);
        return java.util.Arrays.copyOfRange(order, from, to);
    }

    /** The whole batch of global step {@code step}, as indices into the shards laid end to end in shard order. */
    public int[] globalIndices(long step) {
        List<Integer> out = new ArrayList<>();
        int offset = 0;
        for (int shard = 0; shard < shardSizes.length; shard++) {
            for (int i : share(shard, step)) {
                out.add(offset + i);
            }
            offset += shardSizes[shard];
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private transient int cachedShard = -1;
    private transient int cachedEpoch = -1;
    private transient int[] cachedOrder;

    private synchronized int[] order(int shard, int epoch) {
        if (shard != cachedShard || epoch != cachedEpoch) {
            List<Integer> order = new ArrayList<>(shardSizes[shard]);
            for (int i = 0; i < shardSizes[shard]; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random((seed * 1_000_003L + epoch) * 0x9E3779B97F4A7C15L + shard));
            cachedOrder = order.stream().mapToInt(Integer::intValue).toArray();
            cachedShard = shard;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }
}
