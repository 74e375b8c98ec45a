package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees the off-heap buffers of intermediate arrays a kernel made and does not return, so that
 * memory does not wait for the garbage collector.
 */
final class Release {
    private Release() {
    }

    /** Closes each array that owns its buffer; views and nulls are skipped. */
    static void all(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && !a.wasClosed() && a.closeable()) {
                a.close();
            }
        }
    }
}
