package dev.qfl.stdlib.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A fan chart: the recent history as a line, then the forecast median with shaded central bands
 * (90%, 80%, 50%), darker towards the middle.
 */
public final class FanChart {
    /** Quantile levels a fan needs, in order: the band edges and the median. */
    public static final double[] LEVELS = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};
    private static final Color BAND = new Color(31, 119, 180);

    private FanChart() {
    }

    /**
     * The data of one fan.
     *
     * @param title          chart title
     * @param historyTimes   times of the history shown
     * @param history        its values
     * @param forecastTimes  forecast times (horizon 1..H)
     * @param quantiles      per forecast time, the values at {@link #LEVELS}
     */
    public record Data(String title, List<LocalDateTime> historyTimes, double[] history,
                       List<LocalDateTime> forecastTimes, double[][] quantiles) {
    }

    public static JFreeChart build(Data d) {
        XYPlot plot = new XYPlot();
        DateAxis time = new DateAxis("date");
        time.setLowerMargin(0.01);
        time.setUpperMargin(0.01);
        plot.setDomainAxis(time);
        NumberAxis value = new NumberAxis("value");
        value.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(value);
        int[][] bands = {{0, 6, 40}, {1, 5, 70}, {2, 4, 110}};
        String[] names = {"90% band", "80% band", "50% band"};
        for (int b = 0; b < bands.length; b++) {
            YIntervalSeries s = new YIntervalSeries(names[b]);
            for (int i = 0; i < d.forecastTimes().size(); i++) {
                double[] q = d.quantiles()[i];
                s.add(millis(d.forecastTimes().get(i)), q[3], q[bands[b][0]], q[bands[b][1]]);
            }
            YIntervalSeriesCollection c = new YIntervalSeriesCollection();
            c.addSeries(s);
            DeviationRenderer r = new DeviationRenderer(true, false);
            r.setSeriesFillPaint(0, new Color(BAND.getRed(), BAND.getGreen(), BAND.getBlue(), bands[b][2]));
            r.setSeriesPaint(0, new Color(0, 0, 0, 0));
            r.setAlpha(1.0f);
            plot.setDataset(b, c);
            plot.setRenderer(b, r);
        }
        XYSeries median = new XYSeries("median");
        for (int i = 0; i < d.forecastTimes().size(); i++) {
            median.add(millis(d.forecastTimes().get(i)), d.quantiles()[i][3]);
        }
        XYSeries history = new XYSeries("history");
        for (int i = 0; i < d.historyTimes().size(); i++) {
            history.add(millis(d.historyTimes().get(i)), d.history()[i]);
        }
        plot.setDataset(3, new XYSeriesCollection(median));
        plot.setRenderer(3, line(BAND.darker(), 2.2f));
        plot.setDataset(4, new XYSeriesCollection(history));
        plot.setRenderer(4, line(Color.DARK_GRAY, 1.6f));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        // The bands draw no line of their own, so their legend entries are built by hand as swatches.
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("history", null, null, null, new Line2D.Double(-8, 0, 8, 0), new BasicStroke(1.6f),
                Color.DARK_GRAY));
        legend.add(new LegendItem("median", null, null, null, new Line2D.Double(-8, 0, 8, 0), new BasicStroke(2.2f),
                BAND.darker()));
        for (int b = 0; b < bands.length; b++) {
            legend.add(new LegendItem(names[b], null, null, null, new Rectangle(-6, -6, 12, 12),
                    new Color(BAND.getRed(), BAND.getGreen(), BAND.getBlue(), bands[b][2])));
        }
        plot.setFixedLegendItems(legend);
        Charts.style(plot);
        return Charts.chart(d.title(), plot);
    }

    private static XYLineAndShapeRenderer line(Color color, float width) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, color);
        r.setSeriesStroke(0, new BasicStroke(width));
        return r;
    }

    static long millis(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
