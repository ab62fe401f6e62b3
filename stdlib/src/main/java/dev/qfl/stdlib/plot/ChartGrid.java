package dev.qfl.stdlib.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;

/**
 * Several small charts under one title, laid out in a grid (at most four across), so that series or
 * metrics on different scales are each read on an axis of their own.
 */
public final class ChartGrid implements Drawable {
    private static final int TITLE_HEIGHT = 36;
    private final String title;
    private static final int LEGEND_HEIGHT = 22;
    private final List<JFreeChart> panels;
    private final int columns;
    private final Map<String, Color> legend;

    /** @param columns charts across; rows follow from the count */
    public ChartGrid(String title, List<JFreeChart> panels, int columns) {
        this(title, panels, columns, Map.of());
    }

    /**
     * @param legend one shared legend under the title (name → colour, in order), drawn once instead of
     *               in one of the panels, which would squeeze that panel alone
     */
    ChartGrid(String title, List<JFreeChart> panels, int columns, Map<String, Color> legend) {
        this.title = title;
        this.panels = List.copyOf(panels);
        this.columns = Math.max(1, columns);
        this.legend = new LinkedHashMap<>(legend);
    }

    public int panelCount() {
        return panels.size();
    }

    JFreeChart panel(int i) {
        return panels.get(i);
    }

    /** Columns for a square-ish layout, at most four across. */
    public static int squareColumns(int panels) {
        return Math.min(4, Math.max(1, (int) Math.ceil(Math.sqrt(panels))));
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        g.setColor(Color.WHITE);
        g.fill(area);
        g.setColor(Color.BLACK);
        g.setFont(Charts.TITLE);
        int textWidth = g.getFontMetrics().stringWidth(title);
        g.drawString(title, (float) (area.getX() + (area.getWidth() - textWidth) / 2), (float) area.getY() + 24);
        double top = TITLE_HEIGHT;
        if (!legend.isEmpty()) {
            drawLegend(g, area, top);
            top += LEGEND_HEIGHT;
        }
        int rows = (panels.size() + columns - 1) / columns;
        double w = area.getWidth() / columns;
        double h = (area.getHeight() - top) / Math.max(1, rows);
        for (int i = 0; i < panels.size(); i++) {
            int row = i / columns;
            int col = i % columns;
            panels.get(i).draw(g, new Rectangle2D.Double(area.getX() + col * w, area.getY() + top + row * h, w, h));
        }
    }

    /** Swatches and names in one centred row. */
    private void drawLegend(Graphics2D g, Rectangle2D area, double top) {
        g.setFont(Charts.TICK);
        int swatch = 11;
        int gap = 18;
        int width = 0;
        for (String name : legend.keySet()) {
            width += swatch + 5 + g.getFontMetrics().stringWidth(name) + gap;
        }
        double x = area.getX() + Math.max(0, (area.getWidth() - width + gap) / 2);
        float baseline = (float) (area.getY() + top + 14);
        for (Map.Entry<String, Color> e : legend.entrySet()) {
            g.setColor(e.getValue());
            g.fill(new Rectangle2D.Double(x, baseline - swatch + 1, swatch, swatch));
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), (float) (x + swatch + 5), baseline);
            x += swatch + 5 + g.getFontMetrics().stringWidth(e.getKey()) + gap;
        }
    }
}
