package dev.canopy.cli.bench;

import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.io.AtomicFiles;
import dev.canopy.solver.bench.GroupMedians;
import dev.canopy.solver.bench.RunResult;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of {@code canopy bench}, as PNG files written atomically: bar charts of the
 * median rate efficiency and cross-ISP share per family and strategy, and a log-log line chart
 * of the median plan time against N per strategy. Rendered headless.
 */
public final class Charts {
    /** Bar chart of rate efficiency. */
    public static final String RATE_EFFICIENCY = "rate-efficiency.png";
    /** Bar chart of the cross-ISP share. */
    public static final String CROSS_ISP = "cross-isp.png";
    /** Log-log chart of plan time against N. */
    public static final String PLAN_TIME = "plan-time.png";

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private Charts() {}

    /** Writes the three charts into the directory; returns the file names written. */
    public static List<String> write(Path dir, List<RunResult> rows) {
        System.setProperty("java.awt.headless", "true");
        List<String> written = new ArrayList<>();
        png(dir, RATE_EFFICIENCY, bars("Rate efficiency (median)", "served rate / physical limit", rows, r -> r.rate()
                .efficiency()));
        written.add(RATE_EFFICIENCY);
        png(dir, CROSS_ISP, bars("Traffic crossing ISPs (median)", "share of sent rate", rows, r -> r.traffic()
                .crossIsp()));
        written.add(CROSS_ISP);
        png(dir, PLAN_TIME, planTime(rows));
        written.add(PLAN_TIME);
        return written;
    }

    static JFreeChart bars(String title, String axis, List<RunResult> rows, ToDoubleFunction<RunResult> figure) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        GroupMedians.byFamilyAndStrategy(rows, figure)
                .forEach((family, byStrategy) -> byStrategy.forEach((strategy, median) -> {
                    if (!Double.isNaN(median)) {
                        data.addValue(median, strategy, family);
                    }
                }));
        return ChartFactory.createBarChart(title, "family", axis, data);
    }

    /**
     * Median plan time against N per strategy, over the generated families only: a real network
     * of the same N has another structure (and the AS graph's routing dominates there), so
     * mixing it in would make the line say nothing about scaling.
     */
    static JFreeChart planTime(List<RunResult> rows) {
        List<RunResult> generated = rows.stream()
                .filter(r -> Arrays.stream(CapacityMix.values())
                        .anyMatch(m -> m.code().equals(r.key().family())))
                .toList();
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, Map<Integer, Double>> e : GroupMedians.byStrategyAndPeers(
                        generated, r -> r.cost().planMs())
                .entrySet()) {
            XYSeries series = new XYSeries(e.getKey());
            e.getValue().forEach((peers, ms) -> {
                if (ms > 0) { // NaN and 0 cannot be drawn on a log axis
                    series.add(peers.doubleValue(), ms.doubleValue());
                }
            });
            if (!series.isEmpty()) {
                data.addSeries(series);
            }
        }
        JFreeChart chart =
                ChartFactory.createXYLineChart("Plan time (median, generated families)", "N (peers)", "ms", data);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        if (data.getSeriesCount() > 0) {
            plot.setDomainAxis(logAxis("N (peers)", data.getDomainLowerBound(false), data.getDomainUpperBound(false)));
            plot.setRangeAxis(logAxis("plan time, ms", data.getRangeLowerBound(false), data.getRangeUpperBound(false)));
        }
        return chart;
    }

    /** A base-10 log axis from half the smallest value to twice the largest, labelled per decade. */
    private static LogAxis logAxis(String label, double min, double max) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setRange(min / 2, max * 2);
        axis.setTickUnit(new NumberTickUnit(1), false, true); // one label per decade
        axis.setMinorTickCount(9);
        axis.setMinorTickMarksVisible(true);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return axis;
    }

    private static void png(Path dir, String name, JFreeChart chart) {
        AtomicFiles.write(dir.resolve(name), out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }
}
