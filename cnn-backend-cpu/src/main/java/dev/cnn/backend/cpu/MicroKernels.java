package dev.cnn.backend.cpu;

/**
 * Chooses the micro-kernel once, at class initialisation: the Vector API one when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, the plain-Java one otherwise or when
 * {@code -Dcnn.cpu.kernel=scalar} asks for it.
 */
final class MicroKernels {
    /** The property that forces the plain-Java kernel ({@code scalar}). */
    static final String PROPERTY = "cnn.cpu.kernel";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** The kernel every matrix multiply of this backend uses. */
    static final MicroKernel SELECTED = choose();

    private MicroKernels() {
    }

    private static MicroKernel choose() {
        if ("scalar".equals(System.getProperty(PROPERTY))) {
            return new ScalarMicroKernel();
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return new ScalarMicroKernel();
        }
        try {
            return (MicroKernel) Class.forName(MicroKernels.class.getPackageName() + ".VectorMicroKernel")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarMicroKernel();
        }
    }
}
