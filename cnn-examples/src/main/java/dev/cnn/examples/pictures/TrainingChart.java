package dev.cnn.examples.pictures;

import dev.cnn.examples.training.EpochScores;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/** Loss and accuracy per epoch, on the training, validation and test images, side by side in one PNG. */
public final class TrainingChart {
    /** The width of the PNG in pixels. */
    public static final int WIDTH = 1200;
    /** The height of the PNG in pixels. */
    public static final int HEIGHT = 450;

    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color VALIDATION = new Color(0x2ca02c);
    private static final Color TEST = new Color(0xd62728);

    private TrainingChart() {
    }

    /** Draws the chart of {@code epochs} into {@code file}. */
    public static void write(List<EpochScores> epochs, Path file) throws IOException {
        XYChart loss = chart("Loss per epoch", "loss");
        XYChart accuracy = chart("Accuracy per epoch", "accuracy (%)");
        accuracy.getStyler().setYAxisDecimalPattern("0.0");
        add(loss, "train", TRAIN, epochs, EpochScores::trainLoss);
        add(accuracy, "train", TRAIN, epochs, s -> s.trainAccuracy() * 100);
        if (!epochs.isEmpty() && epochs.get(0).hasValidation()) {
            add(loss, "validation", VALIDATION, epochs, EpochScores::validationLoss);
            add(accuracy, "validation", VALIDATION, epochs, s -> s.validationAccuracy() * 100);
        }
        add(loss, "test", TEST, epochs, EpochScores::testLoss);
        add(accuracy, "test", TEST, epochs, s -> s.testAccuracy() * 100);
        PngFiles.write(file, out -> BitmapEncoder.saveBitmap(List.of(loss, accuracy), 1, 2, out,
                BitmapEncoder.BitmapFormat.PNG));
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle(yTitle).build();
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setMarkerSize(8);
        return chart;
    }

    private static void add(XYChart chart, String name, Color color, List<EpochScores> epochs,
                            ToDoubleFunction<EpochScores> value) {
        double[] x = epochs.stream().mapToDouble(EpochScores::epoch).toArray();
        double[] y = epochs.stream().mapToDouble(value).toArray();
        if (x.length == 0) {
            x = new double[] {0};
            y = new double[] {0};
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarkerColor(color);
    }
}
