package dev.cnn.tck;

import dev.cnn.api.backend.Backend;

/**
 * The backend compatibility kit: jqwik properties, one per kernel of {@link Backend}, each checking
 * the backend under test against the pure-Java reference on random shapes, geometries and values.
 *
 * <p>To check a backend, add {@code dev.cnn:cnn-backend-tck} in test scope and extend this class
 * once (the name must match your test runner's pattern, for example {@code ...CompatibilityTest}):
 *
 * <pre>{@code
 * class MyBackendCompatibilityTest extends BackendCompatibilityKit {
 *     @Override
 *     public Backend backendUnderTest() {
 *         return new MyBackend();
 *     }
 * }
 * }</pre>
 *
 * Besides the kernels, {@link NetworkProperties} trains the {@code conv-20-40} preset for three steps on
 * both backends. jqwik runs the inherited properties; a failure names the kernel, the shrunk case (shapes,
 * geometry, value kind and seed), the tolerance and the first differing element.
 */
public abstract class BackendCompatibilityKit implements TensorProperties, MatmulProperties, PerChannelProperties,
        ChannelProperties, ConvolutionProperties, DepthwiseProperties, PoolingProperties, ActivationProperties,
        SoftmaxProperties, ArithmeticProperties, OptimizerProperties, NetworkProperties, ReuseProperties,
        SpatialReuseProperties, PaddingProperties {

    @Override
    public abstract Backend backendUnderTest();
}
