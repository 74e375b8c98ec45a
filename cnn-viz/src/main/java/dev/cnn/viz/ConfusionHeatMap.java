package dev.cnn.viz;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * The confusion matrix as a heat map: actual classes top to bottom, predicted classes left to right, each cell
 * showing its count. Mistakes are coloured from white through yellow to orange on a scale of their own, and
 * the right answers on the diagonal, which far outnumber them, blue, so that a few mistakes still stand out.
 */
public final class ConfusionHeatMap {
    /** The width of the PNG in pixels. */
    public static final int WIDTH = 900;
    /** The height of the PNG in pixels. */
    public static final int HEIGHT = 800;

    private ConfusionHeatMap() {
    }

    /** Draws {@code confusion[actual][predicted]} with {@code classNames} into {@code file}. */
    public static void write(long[][] confusion, List<String> classNames, String title, Path file) throws IOException {
        int k = classNames.size();
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("predicted class").yAxisTitle("actual class").build();
        var styler = chart.getStyler();
        styler.setShowValue(k <= 20);
        styler.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, k <= 10 ? 14 : 10));
        styler.setValueFontColor(Color.BLACK);
        styler.setRangeColors(new Color[] {Color.WHITE, new Color(0xffe680), new Color(0xf4a442), new Color(0x6baed6)});
        styler.setHeatMapValueDecimalPattern("#");
        styler.setLegendVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotContentSize(0.95);
        styler.setMin(0);
        if (classNames.stream().anyMatch(name -> name.length() > 6)) {
            styler.setXAxisLabelRotation(30);
        }
        long mostMistakes = 1;
        List<Number[]> cells = new ArrayList<>();
        for (int actual = 0; actual < k; actual++) {
            for (int predicted = 0; predicted < k; predicted++) {
                if (actual != predicted) {
                    mostMistakes = Math.max(mostMistakes, confusion[actual][predicted]);
                }
                cells.add(new Number[] {predicted, k - 1 - actual, confusion[actual][predicted]});
            }
        }
        // The largest mistake count reaches orange, half-way up; anything from twice that (the diagonal) is blue.
        styler.setMax(2.0 * mostMistakes);
        List<String> rows = new ArrayList<>(classNames);
        Collections.reverse(rows);
        chart.addSeries("confusion", new ArrayList<>(classNames), rows, cells);
        PngFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
