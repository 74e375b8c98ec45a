package dev.cnn.viz;

import dev.cnn.api.eval.TagEvaluation;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** A tagger's F1 per tag at its thresholds, one bar per tag, with the macro mean in the title. */
public final class TagF1Chart {
    /** The width of the PNG in pixels. */
    public static final int WIDTH = 900;
    /** The height of the PNG in pixels. */
    public static final int HEIGHT = 500;

    private TagF1Chart() {
    }

    /** Draws the F1 of every tag of {@code tags} into {@code file}; a tag whose F1 is undefined (NaN: it neither occurs nor is predicted) is drawn at 0. */
    public static void write(TagEvaluation tags, String title, Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(java.util.Locale.ROOT, "%s (macro F1 %.3f, mAP %.3f)", title, tags.macroF1(),
                        tags.meanAveragePrecision()))
                .xAxisTitle("tag").yAxisTitle("F1 at the tag's threshold").build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x1f77b4)});
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int t = 0; t < tags.tagNames().size(); t++) {
            names.add(tags.tagNames().get(t));
            double f1 = tags.f1(t);
            values.add(Double.isNaN(f1) ? 0.0 : f1);
        }
        chart.addSeries("F1", names, values);
        PngFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
