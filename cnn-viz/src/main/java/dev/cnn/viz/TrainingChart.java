package dev.cnn.viz;

import dev.cnn.api.train.EpochScores;
import dev.cnn.api.train.TrainingCurve;
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
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss and accuracy per epoch, on the training, validation and test images, side by side in one PNG. A thin line
 * shows the training figures as they developed within each epoch; markers show each epoch's end.
 */
public final class TrainingChart {
    /** The width of the PNG in pixels. */
    public static final int WIDTH = 1200;
    /** The height of the PNG in pixels. */
    public static final int HEIGHT = 450;

    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color TRAIN_CURVE = new Color(0x9ecae1);
    private static final Color VALIDATION = new Color(0x2ca02c);
    private static final Color TEST = new Color(0xd62728);

    private TrainingChart() {
    }

    /** Draws the chart of {@code epochs}, with the training {@code curve} within them, into {@code file}. */
    public static void write(List<EpochScores> epochs, List<TrainingCurve.Point> curve, Path file) throws IOException {
        XYChart loss = chart("Loss", "loss");
        XYChart accuracy = chart("Accuracy", "accuracy (%)");
        loss.getStyler().setYAxisDecimalPattern("0.000");
        accuracy.getStyler().setYAxisDecimalPattern("0.0");
        // Accuracy rises towards the top right, so its legend goes bottom right, out of the way.
        accuracy.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        if (!curve.isEmpty()) {
            addCurve(loss, curve, TrainingCurve.Point::loss);
            addCurve(accuracy, curve, p -> p.accuracy() * 100);
        }
        add(loss, "train, epoch mean", TRAIN, epochs, EpochScores::trainLoss);
        add(accuracy, "train, epoch mean", TRAIN, epochs, s -> s.trainAccuracy() * 100);
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
        chart.getStyler().setXAxisDecimalPattern("0.#");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setMarkerSize(8);
        return chart;
    }

    private static void addCurve(XYChart chart, List<TrainingCurve.Point> curve,
                                 ToDoubleFunction<TrainingCurve.Point> value) {
        XYSeries series = chart.addSeries("train, during the epoch", curve.stream().mapToDouble(TrainingCurve.Point::epochs).toArray(),
                curve.stream().mapToDouble(value).toArray());
        series.setLineColor(TRAIN_CURVE);
        series.setLineWidth(1.5f);
        series.setMarker(SeriesMarkers.NONE);
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
