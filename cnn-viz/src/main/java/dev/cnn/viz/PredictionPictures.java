package dev.cnn.viz;

import dev.cnn.api.eval.Prediction;
import dev.cnn.datasets.ImageConverter;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws predictions as a grid of the images with what the model said, green when right and red when wrong; a tagger's
 * tiles also list the tags it sees.
 */
public final class PredictionPictures {
    private static final Color RIGHT = new Color(0x1a7f37);
    private static final Color WRONG = new Color(0xcf222e);
    private static final int TILE = 84;

    private PredictionPictures() {
    }

    /**
     * A grid of {@code predictions}, captioned with the predicted class and its probability and, when {@code model}
     * has a tag head, a line per present tag below (the tags at or above their thresholds, most probable first).
     */
    public static BufferedImage sheet(String title, String heading, List<Prediction> predictions, Model model) {
        List<String> classNames = model.classNames();
        List<PictureSheet.Tile> tiles = new ArrayList<>();
        for (Prediction p : predictions) {
            int c = p.predicted();
            String said = String.format(Locale.ROOT, "%s %.0f%%", classNames.get(c), p.probabilities()[c] * 100);
            String caption = p.labelled() && p.label() != c ? "is " + classNames.get(p.label()) + ", said " + said : said;
            if (model.tagHead().isPresent()) {
                caption += tagLines(p, model.tagHead().get());
            }
            Color color = !p.labelled() ? Color.BLACK : p.label() == c ? RIGHT : WRONG;
            tiles.add(new PictureSheet.Tile(ImageConverter.toImage(p.pixels(), model.inputShape()), caption, color));
        }
        return new PictureSheet(title, model.tagHead().isPresent() ? 6 : 10).addSection(heading, tiles, TILE).render();
    }

    /** The present tags two to a line, each on the caption's next lines. */
    private static String tagLines(Prediction p, Head head) {
        List<Integer> present = p.presentTags(head.thresholdArray());
        if (present.isEmpty()) {
            return "\n(no tags)";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < present.size(); i++) {
            int t = present.get(i);
            sb.append(i % 2 == 0 ? "\n" : ", ").append(String.format(Locale.ROOT, "%s %.0f%%", head.labels().get(t),
                    Math.floor(p.tags()[t] * 100)));
        }
        return sb.toString();
    }
}
