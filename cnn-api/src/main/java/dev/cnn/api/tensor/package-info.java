/**
 * {@link dev.cnn.api.tensor.Tensor}, a backend's n-dimensional float array, and {@link dev.cnn.api.tensor.Shape},
 * its dimensions (the batch first, then channels, height and width for images).
 */
package dev.cnn.api.tensor;
