package dev.cnn.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A picture made of small labelled pictures: a title, then sections each with a heading and a grid of tiles, each
 * tile scaled up without smoothing so that single pixels stay visible, with a caption below it (one line per
 * {@code \n} of the caption).
 */
public final class PictureSheet {
    private static final int MARGIN = 16;
    private static final int GAP = 8;
    private static final int TITLE_HEIGHT = 34;
    private static final int HEADING_HEIGHT = 26;
    private static final int CAPTION_HEIGHT = 17;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font HEADING_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /**
     * One small picture and its caption.
     *
     * @param image        the picture, drawn scaled to the section's tile size
     * @param caption      the text under it, lines separated by {@code \n}; empty for none
     * @param captionColor the colour of the caption
     */
    public record Tile(BufferedImage image, String caption, Color captionColor) {
        /** A tile with a black caption. */
        public Tile(BufferedImage image, String caption) {
            this(image, caption, Color.BLACK);
        }
    }

    private record Section(String heading, List<Tile> tiles, int tileSize) {
    }

    private final String title;
    private final int columns;
    private final List<Section> sections = new ArrayList<>();

    /**
     * @param title   the line at the top
     * @param columns tiles per row at most
     */
    public PictureSheet(String title, int columns) {
        this.title = title;
        this.columns = columns;
    }

    /** Adds a section whose tiles are drawn {@code tileSize} pixels on their longer side. */
    public PictureSheet addSection(String heading, List<Tile> tiles, int tileSize) {
        sections.add(new Section(heading, List.copyOf(tiles), tileSize));
        return this;
    }

    /** Draws the sheet. */
    public BufferedImage render() {
        FontMetrics captionMetrics = metrics(CAPTION_FONT);
        int width = metrics(TITLE_FONT).stringWidth(title) + 2 * MARGIN;
        int height = MARGIN + TITLE_HEIGHT;
        for (Section s : sections) {
            int cell = cellWidth(s, captionMetrics);
            int perRow = Math.max(1, Math.min(columns, s.tiles().size()));
            width = Math.max(width, 2 * MARGIN + perRow * (cell + GAP) - GAP);
            width = Math.max(width, 2 * MARGIN + metrics(HEADING_FONT).stringWidth(s.heading()));
            height += HEADING_HEIGHT + rows(s) * (s.tileSize() + captionHeight(s) + GAP);
        }
        height += MARGIN;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setColor(Color.BLACK);
            g.setFont(TITLE_FONT);
            g.drawString(title, MARGIN, MARGIN + 20);
            int y = MARGIN + TITLE_HEIGHT;
            for (Section s : sections) {
                y = drawSection(g, s, y, captionMetrics);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private int drawSection(Graphics2D g, Section s, int top, FontMetrics captionMetrics) {
        g.setColor(Color.BLACK);
        g.setFont(HEADING_FONT);
        g.drawString(s.heading(), MARGIN, top + 17);
        int y = top + HEADING_HEIGHT;
        int cell = cellWidth(s, captionMetrics);
        g.setFont(CAPTION_FONT);
        for (int i = 0; i < s.tiles().size(); i++) {
            Tile tile = s.tiles().get(i);
            int x = MARGIN + (i % columns) * (cell + GAP);
            int rowTop = y + (i / columns) * (s.tileSize() + captionHeight(s) + GAP);
            BufferedImage image = tile.image();
            double scale = (double) s.tileSize() / Math.max(image.getWidth(), image.getHeight());
            int w = (int) Math.round(image.getWidth() * scale);
            int h = (int) Math.round(image.getHeight() * scale);
            int left = x + (cell - w) / 2;
            g.drawImage(image, left, rowTop, w, h, null);
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(left - 1, rowTop - 1, w + 1, h + 1);
            if (!tile.caption().isEmpty()) {
                g.setColor(tile.captionColor());
                String[] lines = tile.caption().split("\n");
                for (int l = 0; l < lines.length; l++) {
                    int textWidth = captionMetrics.stringWidth(lines[l]);
                    g.drawString(lines[l], x + (cell - textWidth) / 2, rowTop + s.tileSize() + 14 + l * CAPTION_HEIGHT);
                }
            }
        }
        return y + rows(s) * (s.tileSize() + captionHeight(s) + GAP);
    }

    /** Room for the longest caption of the section, in lines. */
    private static int captionHeight(Section s) {
        int lines = 1;
        for (Tile t : s.tiles()) {
            lines = Math.max(lines, t.caption().split("\n").length);
        }
        return lines * CAPTION_HEIGHT;
    }

    private int rows(Section s) {
        return (s.tiles().size() + columns - 1) / columns;
    }

    private static int cellWidth(Section s, FontMetrics captionMetrics) {
        int cell = s.tileSize();
        for (Tile t : s.tiles()) {
            for (String line : t.caption().split("\n")) {
                cell = Math.max(cell, captionMetrics.stringWidth(line) + 4);
            }
        }
        return cell;
    }

    private static FontMetrics metrics(Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
