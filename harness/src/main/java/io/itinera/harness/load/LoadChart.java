package io.itinera.harness.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The chart of a load run: throughput (offered, accepted, READY per second) over latency percentiles, per step. */
final class LoadChart {

    private static final Color[] COLOURS = {
        new Color(0x555555), new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)
    };

    private LoadChart() {}

    static void write(List<StepResult> results, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection throughput = new XYSeriesCollection();
        throughput.addSeries(series("offered", results, StepResult::offered));
        throughput.addSeries(series("accepted/s", results, StepResult::acceptedPerSecond));
        throughput.addSeries(series("READY/s", results, StepResult::readyPerSecond));
        XYSeriesCollection latency = new XYSeriesCollection();
        latency.addSeries(series("POST→READY p50", results, r -> r.postToReady().millis(50)));
        latency.addSeries(series("POST→READY p95", results, r -> r.postToReady().millis(95)));
        latency.addSeries(series("POST→READY p99", results, r -> r.postToReady().millis(99)));
        latency.addSeries(series("POST p99", results, r -> r.post().millis(99)));

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("offered trips per second"));
        plot.setGap(12);
        plot.add(new XYPlot(throughput, null, new NumberAxis("trips per second"), renderer()), 1);
        LogarithmicAxis milliseconds = new LogarithmicAxis("latency, ms (log)");
        milliseconds.setAllowNegativesFlag(false);
        milliseconds.setStrictValuesFlag(false);
        plot.add(new XYPlot(latency, null, milliseconds, renderer()), 1);
        JFreeChart chart = new JFreeChart("Itinera load: throughput and latency per step", plot);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 800);
    }

    private static XYSeries series(String name, List<StepResult> results, ToDoubleFunction<StepResult> value) {
        XYSeries series = new XYSeries(name);
        for (StepResult result : results) {
            double y = value.applyAsDouble(result);
            if (Double.isFinite(y) && y > 0) {
                series.add(result.offered(), y);
            }
        }
        return series;
    }

    private static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < COLOURS.length; i++) {
            renderer.setSeriesPaint(i, COLOURS[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        return renderer;
    }
}
