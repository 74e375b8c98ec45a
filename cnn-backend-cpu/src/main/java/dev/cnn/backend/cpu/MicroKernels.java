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
    static final MicroKernel SELECTED = choose("VectorMicroKernel", new ScalarMicroKernel());
    /** The line kernel of the same kind. */
    static final LineKernel LINES = choose("VectorLineKernel", new ScalarLineKernel());

    private MicroKernels() {
    }

    @SuppressWarnings("unchecked")
    private static <T> T choose(String vectorClass, T plain) {
        if ("scalar".equals(System.getProperty(PROPERTY))) {
            return plain;
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return plain;
        }
        try {
            return (T) Class.forName(MicroKernels.class.getPackageName() + "." + vectorClass)
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return plain;
        }
    }
}
