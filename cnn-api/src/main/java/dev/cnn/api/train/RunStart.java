package dev.cnn.api.train;

/**
 * What a run is about to do.
 *
 * @param epochs          the epochs of the whole run
 * @param epochsDone      the epochs finished before this start (0 unless resumed)
 * @param stepsDone       the updates done before this start (0 unless resumed; may fall within an epoch)
 * @param batchesPerEpoch batches in each epoch
 * @param batchSize       images per batch
 * @param trainingImages  images in the training set
 */
public record RunStart(int epochs, int epochsDone, long stepsDone, int batchesPerEpoch, int batchSize, int trainingImages) {
}
