/**
 * {@link dev.cnn.api.model.Model}: a network with its heads (what each output means: classes, tags or values, and its
 * loss), its input normalisation and its training plan, saved to and loaded from the checksummed model file, and
 * exported or imported through a {@link dev.cnn.api.model.ModelFormatProvider} such as ONNX. Reading a file is bounded
 * by {@link dev.cnn.api.model.ModelLimits}, so a corrupt or hostile file fails in one line.
 */
package dev.cnn.api.model;
