/**
 * The backend SPI: {@link dev.cnn.api.backend.Backend}, the narrow set of tensor kernels every layer is written
 * against (matrix products, convolutions, pooling, per-channel and element-wise ops, optimizer updates), and how an
 * implementation is found at run time ({@link dev.cnn.api.backend.BackendProvider} through {@code ServiceLoader},
 * {@link dev.cnn.api.backend.Backends} to select one by name or by priority). Geometry records
 * ({@link dev.cnn.api.backend.ConvGeometry}, {@link dev.cnn.api.backend.PoolGeometry},
 * {@link dev.cnn.api.backend.PadGeometry}) describe a kernel call; the backend compatibility kit checks every method.
 */
package dev.cnn.api.backend;
