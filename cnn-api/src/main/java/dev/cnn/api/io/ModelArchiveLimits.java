package dev.cnn.api.io;

/**
 * Bounds that reading a model file never exceeds, so an untrusted file cannot make a reader allocate without limit.
 *
 * @param maxJsonBytes   the largest {@code model.json} or index entry, in bytes
 * @param maxEntries     the most zip entries
 * @param maxTotalFloats the most float values over all arrays together
 * @param maxRank        the most dimensions of one array
 */
public record ModelArchiveLimits(int maxJsonBytes, int maxEntries, long maxTotalFloats, int maxRank) {
    /** The defaults: 16 MiB of JSON, 100,000 entries, 500 million floats (2 GB), rank 8. */
    public static final ModelArchiveLimits DEFAULT = new ModelArchiveLimits(16 << 20, 100_000, 500_000_000L, 8);

    /** Checks that every limit is positive. */
    public ModelArchiveLimits {
        if (maxJsonBytes <= 0 || maxEntries <= 0 || maxTotalFloats <= 0 || maxRank <= 0) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }
}
