package dev.cnn.datasets;

/** How objects of the generated {@code shapes} dataset are filled; a tag each. */
public enum ShapeTexture {
    /** One colour, gently shaded. */
    SMOOTH("smooth"),
    /** Parallel bands of a darker shade at a random angle. */
    STRIPED("striped"),
    /** Round dots of a darker shade. */
    SPOTTED("spotted");

    private final String id;

    ShapeTexture(String id) {
        this.id = id;
    }

    /** The tag, such as {@code striped}. */
    public String id() {
        return id;
    }
}
