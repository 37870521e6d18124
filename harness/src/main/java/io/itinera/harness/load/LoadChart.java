package io.itinera.harness.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The chart of a load run: throughput (offered, accepted, READY per second) over latency percentiles, per step. */
final class LoadChart {

    private static final Color[] THROUGHPUT = {new Color(0x7f7f7f), new Color(0x1f77b4), new Color(0x2ca02c)};
    private static final Color[] LATENCY = {
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0xd62728), new Color(0x8c564b)
    };

    private LoadChart() {}

    static void write(List<StepResult> results, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection throughput = new XYSeriesCollection();
        throughput.addSeries(series("offered", results, StepResult::offered, false));
        throughput.addSeries(series("accepted/s", results, StepResult::acceptedPerSecond, false));
        throughput.addSeries(series("READY/s", results, StepResult::readyPerSecond, false));
        XYSeriesCollection latency = new XYSeriesCollection();
        // A log axis has no zero; an infinite percentile (unfinished trips) has no point: the summary says "inf".
        latency.addSeries(series("POST→READY p50", results, r -> r.postToReady().millis(50), true));
        latency.addSeries(series("POST→READY p95", results, r -> r.postToReady().millis(95), true));
        latency.addSeries(series("POST→READY p99", results, r -> r.postToReady().millis(99), true));
        latency.addSeries(series("POST p99", results, r -> r.post().millis(99), true));

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("offered trips per second"));
        plot.setGap(12);
        // Values written at the points: a log axis labels only powers of ten.
        XYLineAndShapeRenderer throughputRenderer = labelled(renderer(THROUGHPUT), new DecimalFormat("0.00"), 2);
        throughputRenderer.setSeriesStroke(
                0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        XYPlot throughputPlot = new XYPlot(throughput, null, new NumberAxis("trips per second"), throughputRenderer);
        // Offered first, so that accepted and READY, usually on top of it, stay visible.
        throughputPlot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.add(throughputPlot, 1);
        LogarithmicAxis milliseconds = new LogarithmicAxis("latency, ms (log)");
        milliseconds.setAllowNegativesFlag(false);
        milliseconds.setStrictValuesFlag(false);
        plot.add(
                new XYPlot(latency, null, milliseconds, labelled(renderer(LATENCY), new DecimalFormat("#,##0"), 0, 2)),
                1);
        JFreeChart chart = new JFreeChart("Itinera load: throughput and latency per step", plot);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 800);
    }

    private static XYSeries series(
            String name, List<StepResult> results, ToDoubleFunction<StepResult> value, boolean positiveOnly) {
        XYSeries series = new XYSeries(name);
        for (StepResult result : results) {
            double y = value.applyAsDouble(result);
            if (Double.isFinite(y) && (y > 0 || !positiveOnly)) {
                series.add(result.offered(), y);
            }
        }
        return series;
    }

    private static XYLineAndShapeRenderer labelled(
            XYLineAndShapeRenderer renderer, NumberFormat format, int... series) {
        for (int index : series) {
            renderer.setSeriesItemLabelGenerator(index, new StandardXYItemLabelGenerator("{2}", format, format));
            renderer.setSeriesItemLabelsVisible(index, true);
        }
        return renderer;
    }

    private static XYLineAndShapeRenderer renderer(Color[] colours) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        return renderer;
    }
}
