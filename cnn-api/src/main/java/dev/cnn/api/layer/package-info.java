/**
 * What a layer is: {@link dev.cnn.api.layer.LayerConfig}, the serialisable description that infers its output shape
 * at build time and round-trips through JSON by a logical type id, and {@link dev.cnn.api.layer.Layer}, the runtime
 * object it builds on a backend, with its {@link dev.cnn.api.layer.Parameter}s. A third party adds layer types through
 * {@link dev.cnn.api.layer.LayerTypeProvider}.
 */
package dev.cnn.api.layer;
