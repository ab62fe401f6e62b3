package dev.qfl.stdlib.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * Backtest metrics as small bar charts, one per metric, side by side: metrics live on different
 * scales (wQL near 0.2, MSIS near 10), so one shared axis would flatten most of them. A coverage
 * metric gets its target drawn across, since its bars are read against the level, not against zero.
 */
public final class MetricBars implements Drawable {
    private static final String COVERAGE = "coverage_";
    private final ChartGrid grid;

    /**
     * @param title   overall title
     * @param metrics metric name → (model → value), in display order
     */
    public MetricBars(String title, Map<String, Map<String, Double>> metrics) {
        List<JFreeChart> panels = new ArrayList<>();
        Map<String, Color> legend = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Double>> m : metrics.entrySet()) {
            org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
            m.getValue().forEach((model, v) -> data.addValue(v, model, m.getKey()));
            CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), new NumberAxis(null), new BarRenderer());
            BarRenderer r = (BarRenderer) plot.getRenderer();
            r.setBarPainter(new StandardBarPainter());
            r.setShadowVisible(false);
            r.setItemMargin(0.05);
            int i = 0;
            for (String model : m.getValue().keySet()) {
                r.setSeriesPaint(i, Charts.colour(i));
                legend.putIfAbsent(model, Charts.colour(i++));
            }
            Charts.style(plot);
            plot.getDomainAxis().setTickLabelsVisible(false);
            if (m.getValue().values().stream().allMatch(v -> v == 0.0)) {
                plot.getRangeAxis().setRange(0, 1);  // an all-zero metric (no crossing) gets a readable axis
            }
            coverageTarget(m.getKey()).ifPresent(level -> {
                ValueMarker target = new ValueMarker(level, Color.DARK_GRAY, new BasicStroke(1.5f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                target.setLabel("target " + trim(level));
                target.setLabelFont(Charts.TICK);
                target.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                target.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                plot.addRangeMarker(target);
                // the axis must reach the target even when every bar is far below it
                NumberAxis axis = (NumberAxis) plot.getRangeAxis();
                axis.setAutoRangeIncludesZero(true);
                axis.setRange(0, Math.max(1.0, axis.getUpperBound()));
            });
            JFreeChart chart = new JFreeChart(m.getKey(), Charts.LABEL, plot, false);
            chart.setBackgroundPaint(Color.WHITE);
            panels.add(chart);
        }
        this.grid = new ChartGrid(title, panels, Math.min(4, Math.max(1, panels.size())), legend);
    }

    /** The nominal level of a coverage column ({@code coverage_0.8} → 0.8). */
    static Optional<Double> coverageTarget(String metric) {
        if (!metric.startsWith(COVERAGE)) {
            return Optional.empty();
        }
        try {
            double level = Double.parseDouble(metric.substring(COVERAGE.length()));
            return level > 0 && level < 1 ? Optional.of(level) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String trim(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    public int panelCount() {
        return grid.panelCount();
    }

    JFreeChart panel(int i) {
        return grid.panel(i);
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        grid.draw(g, area);
    }
}
