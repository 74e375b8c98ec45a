package dev.cnn.examples;

import dev.cnn.api.data.ImageConverter;
import dev.cnn.api.tensor.Shape;
import dev.cnn.examples.pictures.PictureSheet;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Draws predictions as a grid of the images with what the model said, green when right and red when wrong. */
final class PredictionPictures {
    private static final Color RIGHT = new Color(0x1a7f37);
    private static final Color WRONG = new Color(0xcf222e);
    private static final int TILE = 84;

    private PredictionPictures() {
    }

    /** A grid of {@code predictions}, captioned with the predicted class and its probability. */
    static BufferedImage sheet(String title, String heading, List<Prediction> predictions, Shape inputShape,
                               List<String> classNames) {
        List<PictureSheet.Tile> tiles = new ArrayList<>();
        for (Prediction p : predictions) {
            int c = p.predicted();
            String said = String.format(Locale.ROOT, "%s %.0f%%", classNames.get(c), p.probabilities()[c] * 100);
            String caption = p.labelled() && p.label() != c ? "is " + classNames.get(p.label()) + ", said " + said : said;
            Color color = !p.labelled() ? Color.BLACK : p.label() == c ? RIGHT : WRONG;
            tiles.add(new PictureSheet.Tile(ImageConverter.toImage(p.pixels(), inputShape), caption, color));
        }
        return new PictureSheet(title, 10).addSection(heading, tiles, TILE).render();
    }
}
