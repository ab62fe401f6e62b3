package dev.qfl.stdlib.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Drawable;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Backtest metrics as small bar charts, one per metric, side by side: metrics live on different
 * scales (wQL near 0.2, MSIS near 10), so one shared axis would flatten most of them.
 */
public final class MetricBars implements Drawable {
    private final String title;
    private final List<JFreeChart> panels = new ArrayList<>();

    /**
     * @param title   overall title
     * @param metrics metric name → (model → value), in display order
     */
    public MetricBars(String title, Map<String, Map<String, Double>> metrics) {
        this.title = title;
        for (Map.Entry<String, Map<String, Double>> m : metrics.entrySet()) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            m.getValue().forEach((model, v) -> data.addValue(v, model, m.getKey()));
            CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), new NumberAxis(null), new BarRenderer());
            BarRenderer r = (BarRenderer) plot.getRenderer();
            r.setBarPainter(new StandardBarPainter());
            r.setShadowVisible(false);
            r.setItemMargin(0.05);
            Charts.style(plot);
            plot.getDomainAxis().setTickLabelsVisible(false);
            if (m.getValue().values().stream().allMatch(v -> v == 0.0)) {
                plot.getRangeAxis().setRange(0, 1);  // an all-zero metric (no crossing) gets a readable axis
            }
            JFreeChart chart = new JFreeChart(m.getKey(), Charts.LABEL, plot, panels.isEmpty());
            chart.setBackgroundPaint(Color.WHITE);
            panels.add(chart);
        }
    }

    public int panelCount() {
        return panels.size();
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        int titleHeight = 36;
        g.setColor(Color.WHITE);
        g.fill(area);
        g.setColor(Color.BLACK);
        g.setFont(Charts.TITLE);
        int textWidth = g.getFontMetrics().stringWidth(title);
        g.drawString(title, (float) (area.getX() + (area.getWidth() - textWidth) / 2), (float) area.getY() + 24);
        int columns = Math.min(4, Math.max(1, panels.size()));
        int rows = (panels.size() + columns - 1) / columns;
        double w = area.getWidth() / columns;
        double h = (area.getHeight() - titleHeight) / Math.max(1, rows);
        for (int i = 0; i < panels.size(); i++) {
            int row = i / columns;
            int col = i % columns;
            panels.get(i).draw(g, new Rectangle2D.Double(area.getX() + col * w, area.getY() + titleHeight + row * h, w, h));
        }
    }
}
