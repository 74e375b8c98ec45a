/**
 * The built-in layers, each a configuration record ({@code Conv2D}, {@code BatchNorm}, {@code MaxPool2D},
 * {@code Dense}, ...) with the runtime layer it builds, written only against the backend SPI so that they run on every
 * backend; and the graph passes that fuse layers where a backend has a fused kernel (batch norm folded into a
 * convolution for inference, a ReLU read only by a max pooling).
 */
package dev.cnn.api.layers;
