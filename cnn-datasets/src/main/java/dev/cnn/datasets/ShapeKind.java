package dev.cnn.datasets;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Random;

/**
 * The object classes of the generated {@code shapes} dataset, each a silhouette of distinct outline centred on the
 * origin, with the shape attributes it is tagged with. Declared in the order of their names, which is the order of
 * the classes (as a folder of them would be read back).
 */
public enum ShapeKind {
    /** A filled disc. */
    BALL("ball", List.of(ShapesGenerator.ROUND, ShapesGenerator.CURVED)),
    /** A crescent with two sharp horns. */
    BANANA("banana", List.of(ShapesGenerator.CURVED, ShapesGenerator.POINTED)),
    /** A square or slightly oblong rectangle. */
    BOX("box", List.of(ShapesGenerator.STRAIGHT_EDGED)),
    /** A lens with two pointed ends and a short stem. */
    LEAF("leaf", List.of(ShapesGenerator.CURVED, ShapesGenerator.POINTED)),
    /** A disc with a round hole. */
    RING("ring", List.of(ShapesGenerator.ROUND, ShapesGenerator.CURVED)),
    /** A five-pointed star. */
    STAR("star", List.of(ShapesGenerator.STRAIGHT_EDGED, ShapesGenerator.POINTED));

    private final String id;
    private final List<String> attributes;

    ShapeKind(String id, List<String> attributes) {
        this.id = id;
        this.attributes = attributes;
    }

    /** The class name, such as {@code banana}. */
    public String id() {
        return id;
    }

    /** The shape attributes this class is tagged with, such as {@code curved} and {@code pointed}. */
    public List<String> attributes() {
        return attributes;
    }

    /** The silhouette, about {@code 2 r} across, centred on the origin, unrotated; {@code random} varies proportions. */
    Shape outline(double r, Random random) {
        return switch (this) {
            case BALL -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case BANANA -> {
                Area crescent = new Area(new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
                double inner = r * (0.88 + 0.06 * random.nextDouble());
                double shift = r * (0.38 + 0.1 * random.nextDouble());
                crescent.subtract(new Area(new Ellipse2D.Double(-inner + shift, -inner - 0.08 * r, 2 * inner, 2 * inner)));
                yield crescent;
            }
            case BOX -> {
                double aspect = 0.75 + 0.25 * random.nextDouble();
                double side = 1.55 * r;
                yield new Rectangle2D.Double(-side / 2, -side * aspect / 2, side, side * aspect);
            }
            case LEAF -> {
                double big = r * 1.3;
                double offset = big * (0.55 + 0.1 * random.nextDouble());
                Area lens = new Area(new Ellipse2D.Double(-big - offset, -big, 2 * big, 2 * big));
                lens.intersect(new Area(new Ellipse2D.Double(-big + offset, -big, 2 * big, 2 * big)));
                double tip = Math.sqrt(big * big - offset * offset);
                lens.add(new Area(new Rectangle2D.Double(-0.06 * big, tip - 0.1 * big, 0.12 * big, 0.3 * big)));
                yield lens;
            }
            case RING -> {
                Area ring = new Area(new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
                double hole = r * (0.5 + 0.1 * random.nextDouble());
                ring.subtract(new Area(new Ellipse2D.Double(-hole, -hole, 2 * hole, 2 * hole)));
                yield ring;
            }
            case STAR -> {
                Path2D star = new Path2D.Double();
                double inner = r * (0.42 + 0.08 * random.nextDouble());
                for (int k = 0; k < 10; k++) {
                    double radius = k % 2 == 0 ? r * 1.1 : inner;
                    double angle = -Math.PI / 2 + k * Math.PI / 5;
                    if (k == 0) {
                        star.moveTo(radius * Math.cos(angle), radius * Math.sin(angle));
                    } else {
                        star.lineTo(radius * Math.cos(angle), radius * Math.sin(angle));
                    }
                }
                star.closePath();
                yield star;
            }
        };
    }
}
