package napster.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The classic plots of a Napster-style search benchmark, drawn from one run's numbers:
 * latency (p50 and p99) against concurrent clients, and throughput against concurrent
 * clients, each for the search and for the bare broker echo. Headless PNGs.
 */
final class SearchPlots {
    static final String LATENCY_FILE = "search-latency.png";
    static final String THROUGHPUT_FILE = "search-throughput.png";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private SearchPlots() {
    }

    static void write(SearchBench.Report report, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        String subtitle = report.files() + " files, " + report.peers() + " peers, reply " + report.replyBytes() + " B";

        XYSeriesCollection latency = new XYSeriesCollection();
        latency.addSeries(series("search p50", report, level -> level.search().p50Millis()));
        latency.addSeries(series("search p99", report, level -> level.search().p99Millis()));
        latency.addSeries(series("echo p50", report, level -> level.echo().p50Millis()));
        latency.addSeries(series("echo p99", report, level -> level.echo().p99Millis()));
        save(chart("Search latency vs clients (" + subtitle + ")", "latency (ms)", latency), dir.resolve(LATENCY_FILE));

        XYSeriesCollection throughput = new XYSeriesCollection();
        throughput.addSeries(series("search", report, level -> level.search().throughput()));
        throughput.addSeries(series("echo", report, level -> level.echo().throughput()));
        save(chart("Throughput vs clients (" + subtitle + ")", "round trips per second", throughput),
                dir.resolve(THROUGHPUT_FILE));
    }

    private static XYSeries series(String name, SearchBench.Report report, ToDoubleFunction<SearchBench.Level> value) {
        XYSeries series = new XYSeries(name);
        for (SearchBench.Level level : report.levels()) {
            series.add(level.clients(), value.applyAsDouble(level));
        }
        return series;
    }

    private static JFreeChart chart(String title, String yLabel, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, "concurrent clients", yLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogarithmicAxis clients = new LogarithmicAxis("concurrent clients (log scale)");
        clients.setAllowNegativesFlag(false);
        plot.setDomainAxis(clients);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String name = String.valueOf(data.getSeriesKey(i));
            // search in red, the echo baseline in blue; p99 dashed
            renderer.setSeriesPaint(i, name.startsWith("search") ? new Color(0xC0, 0x1C, 0x28) : new Color(0x1F, 0x4E, 0xB4));
            renderer.setSeriesStroke(i, name.endsWith("p99")
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2.5f));
        }
        plot.setRenderer(renderer);
        return chart;
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
