package dev.cnn.datasets;

/** The colours objects of the generated {@code shapes} dataset are painted in, each a band of hues; a tag each. */
public enum ShapeColor {
    /** Hue about 0 degrees. */
    RED("red", 0),
    /** Hue about 28 degrees. */
    ORANGE("orange", 28),
    /** Hue about 55 degrees. */
    YELLOW("yellow", 55),
    /** Hue about 120 degrees. */
    GREEN("green", 120),
    /** Hue about 220 degrees. */
    BLUE("blue", 220),
    /** Hue about 285 degrees. */
    PURPLE("purple", 285);

    private final String id;
    private final int hue;

    ShapeColor(String id, int hue) {
        this.id = id;
        this.hue = hue;
    }

    /** The tag, such as {@code yellow}. */
    public String id() {
        return id;
    }

    /** The central hue in degrees. */
    public int hue() {
        return hue;
    }
}
