package dev.cnn.tck;

/**
 * How many random cases each property tries. Chosen so that the whole kit runs in well under a
 * minute on two cores while every shape rule (padding, stride, non-square, ties) is hit many times.
 */
public final class KitTries {
    /** The kernels writing into a given tensor: each try runs the kernel five times. */
    public static final int REUSE = 30;
    /** Convolutions, forward and backward. */
    public static final int CONVOLUTION = 60;
    /** Pooling, forward and backward. */
    public static final int POOLING = 80;
    /** Matrix products. */
    public static final int MATMUL = 60;
    /** Element-wise kernels, reductions, softmax and tensor creation. */
    public static final int ELEMENT_WISE = 100;
    /** Optimizer updates. */
    public static final int OPTIMIZER = 100;
    /** Whole networks, three training steps each. */
    public static final int NETWORK = 5;

    private KitTries() {
    }
}
