package dev.cnn.viz;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Test accuracy of several networks on the test images as they are and shifted, as grouped bars. */
public final class ComparisonChart {
    /** The width of the PNG in pixels. */
    public static final int WIDTH = 800;
    /** The height of the PNG in pixels. */
    public static final int HEIGHT = 500;

    private ComparisonChart() {
    }

    /**
     * One network's scores.
     *
     * @param name            the network
     * @param testAccuracy    accuracy on the test images, in [0, 1]
     * @param shiftedAccuracy accuracy on the shifted test images, in [0, 1]
     */
    public record Bar(String name, double testAccuracy, double shiftedAccuracy) {
    }

    /** Draws the bars of {@code networks}, the test images shifted by up to {@code maxShift} pixels, into {@code file}. */
    public static void write(List<Bar> networks, int maxShift, Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Convolution against a fully connected net: test accuracy").xAxisTitle("network")
                .yAxisTitle("accuracy (%)").build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setYAxisDecimalPattern("0");
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x1f77b4), new Color(0xff7f0e)});
        List<String> names = networks.stream().map(Bar::name).toList();
        chart.addSeries("test images", names, networks.stream().map(b -> b.testAccuracy() * 100).toList());
        chart.addSeries("shifted by up to " + maxShift + " pixels", names,
                networks.stream().map(b -> b.shiftedAccuracy() * 100).toList());
        PngFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
