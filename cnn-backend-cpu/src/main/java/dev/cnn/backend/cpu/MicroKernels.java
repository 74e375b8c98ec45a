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
    /**
     * A kernel one vector wide, of the same kind, for products with few columns ({@link #forColumns}); the plain-Java
     * kernel where there is no Vector API.
     */
    static final MicroKernel NARROW = choose("VectorNarrowMicroKernel", SELECTED);
    /** The line kernel of the same kind. */
    static final LineKernel LINES = choose("VectorLineKernel", new ScalarLineKernel());

    private MicroKernels() {
    }

    /**
     * The kernel for a product of {@code columns} columns: {@link #NARROW} when they fit in its one vector and
     * {@link #SELECTED}'s tiles are wider, so that no tile is half padding.
     */
    static MicroKernel forColumns(int columns) {
        return narrowTiles && columns <= NARROW.cols() && NARROW.cols() < SELECTED.cols() ? NARROW : SELECTED;
    }

    /** Whether {@link #forColumns} may pick {@link #NARROW}; timings turn it off to compare. */
    static volatile boolean narrowTiles = true;

    @SuppressWarnings("unchecked")
    static <T> T choose(String vectorClass, T plain) {
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
