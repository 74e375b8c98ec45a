package dev.cnn.datasets;

import dev.cnn.api.tensor.Shape;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws one image of the generated {@code shapes} dataset with Java2D: a cluttered, noisy background of desaturated
 * strokes, and one object of a {@link ShapeKind}, {@link ShapeColor} and {@link ShapeTexture} at a random place, size
 * and rotation. Everything random comes from the {@link Random} given, so the same seed draws the same image.
 */
final class ShapesGenerator {
    /** Tag of shapes with curved outlines. */
    static final String CURVED = "curved";
    /** Tag of shapes with straight edges. */
    static final String STRAIGHT_EDGED = "straight-edged";
    /** Tag of round shapes. */
    static final String ROUND = "round";
    /** Tag of shapes with sharp points. */
    static final String POINTED = "pointed";

    private ShapesGenerator() {
    }

    /**
     * One drawn image.
     *
     * @param pixels  the sample, {@code [3, H, W]} in [0, 1]
     * @param kind    its class
     * @param color   the object's colour
     * @param texture the object's texture
     */
    record Drawn(float[] pixels, ShapeKind kind, ShapeColor color, ShapeTexture texture) {
        /** Its tags: colour, texture and the class's shape attributes. */
        List<String> tags() {
            List<String> tags = new ArrayList<>();
            tags.add(color.id());
            tags.add(texture.id());
            tags.addAll(kind.attributes());
            return tags;
        }
    }

    /** Draws an image of {@code kind}, of {@code height x width} pixels, with random colour, texture and clutter. */
    static Drawn draw(ShapeKind kind, int height, int width, Random random) {
        ShapeColor color = ShapeColor.values()[random.nextInt(ShapeColor.values().length)];
        ShapeTexture texture = ShapeTexture.values()[random.nextInt(ShapeTexture.values().length)];
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            background(g, height, width, random);
            object(g, kind, color, texture, height, width, random);
        } finally {
            g.dispose();
        }
        float[] pixels = ImageConverter.toSample(image, Shape.of(3, height, width));
        float noise = 0.02f + 0.03f * random.nextFloat();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = Math.min(1f, Math.max(0f, pixels[i] + noise * (float) random.nextGaussian()));
        }
        return new Drawn(pixels, kind, color, texture);
    }

    private static void background(Graphics2D g, int height, int width, Random random) {
        Color a = dull(random);
        Color b = dull(random);
        g.setPaint(new GradientPaint(0, 0, a, (float) (width * random.nextDouble()), height, b));
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        int strokes = 5 + random.nextInt(8);
        double scale = Math.min(width, height);
        for (int k = 0; k < strokes; k++) {
            g.setColor(dull(random));
            g.setStroke(new BasicStroke((float) (0.6 + 1.2 * random.nextDouble() * scale / 48)));
            double x = width * random.nextDouble();
            double y = height * random.nextDouble();
            double size = scale * (0.15 + 0.5 * random.nextDouble());
            switch (random.nextInt(3)) {
                case 0 -> g.draw(new Line2D.Double(x, y, x + size * (random.nextDouble() * 2 - 1),
                        y + size * (random.nextDouble() * 2 - 1)));
                case 1 -> g.draw(new Arc2D.Double(x - size / 2, y - size / 2, size, size, 360 * random.nextDouble(),
                        60 + 120 * random.nextDouble(), Arc2D.OPEN));
                default -> g.draw(new Rectangle2D.Double(x - size / 4, y - size / 4, size / 2, size / 2 * (0.5 + random.nextDouble())));
            }
        }
    }

    /** A colour of low saturation: clutter must not look like an object's colour. */
    private static Color dull(Random random) {
        return Color.getHSBColor(random.nextFloat(), 0.18f * random.nextFloat(), 0.2f + 0.6f * random.nextFloat());
    }

    private static void object(Graphics2D g, ShapeKind kind, ShapeColor color, ShapeTexture texture, int height,
                               int width, Random random) {
        double scale = Math.min(width, height);
        double r = scale * (0.25 + 0.13 * random.nextDouble());
        double margin = r * 0.85;
        double cx = margin + (width - 2 * margin) * random.nextDouble();
        double cy = margin + (height - 2 * margin) * random.nextDouble();
        AffineTransform place = new AffineTransform();
        place.translate(cx, cy);
        place.rotate(2 * Math.PI * random.nextDouble());
        java.awt.Shape outline = place.createTransformedShape(kind.outline(r, random));

        float hue = (color.hue() + 8 * (2 * random.nextFloat() - 1) + 360) % 360 / 360f;
        float saturation = 0.75f + 0.25f * random.nextFloat();
        float brightness = 0.8f + 0.2f * random.nextFloat();
        Color base = Color.getHSBColor(hue, saturation, brightness);
        Color light = Color.getHSBColor(hue, saturation * 0.85f, Math.min(1f, brightness * 1.1f));
        Color dark = Color.getHSBColor(hue, Math.min(1f, saturation * 1.05f), brightness * 0.62f);
        double shadeAngle = 2 * Math.PI * random.nextDouble();
        g.setPaint(new GradientPaint((float) (cx - r * Math.cos(shadeAngle)), (float) (cy - r * Math.sin(shadeAngle)),
                light, (float) (cx + r * Math.cos(shadeAngle)), (float) (cy + r * Math.sin(shadeAngle)), base));
        g.fill(outline);
        java.awt.Shape clip = g.getClip();
        g.clip(outline);
        g.setColor(dark);
        double unit = scale / 48;
        switch (texture) {
            case STRIPED -> {
                double period = unit * (4.5 + 1.5 * random.nextDouble());
                AffineTransform stripes = new AffineTransform();
                stripes.translate(cx, cy);
                stripes.rotate(Math.PI * random.nextDouble());
                g.setStroke(new BasicStroke((float) (period * 0.45)));
                for (double t = -2 * r; t <= 2 * r; t += period) {
                    g.draw(stripes.createTransformedShape(new Line2D.Double(t, -2 * r, t, 2 * r)));
                }
            }
            case SPOTTED -> {
                double spot = unit * (1.4 + 0.6 * random.nextDouble());
                double step = spot * 3.2;
                double jitter = step * 0.25;
                for (double y = cy - r - step; y <= cy + r + step; y += step) {
                    for (double x = cx - r - step; x <= cx + r + step; x += step) {
                        double sx = x + jitter * (2 * random.nextDouble() - 1);
                        double sy = y + jitter * (2 * random.nextDouble() - 1);
                        g.fill(new Ellipse2D.Double(sx - spot, sy - spot, 2 * spot, 2 * spot));
                    }
                }
            }
            case SMOOTH -> {
                // the shading alone
            }
        }
        g.setClip(clip);
    }
}
