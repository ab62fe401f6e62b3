package dev.qfl.stdlib.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A fan chart: the recent history as a line, a dashed mark at the forecast origin, then the forecast
 * median with shaded central bands, darker towards the middle. The bands include 95% and 99%, the
 * levels planners buy safety stock at, beside the 50%, 80% and 90% that show the shape.
 */
public final class FanChart {
    /** Quantile levels a fan needs, in order: the band edges and, at {@link #MEDIAN}, the median. */
    public static final double[] LEVELS = {0.005, 0.025, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.975, 0.995};
    static final int MEDIAN = 5;
    /** Per band, outermost first: the indices of its edges in {@link #LEVELS}, its opacity and name. */
    private static final int[][] BANDS = {{0, 10, 22}, {1, 9, 38}, {2, 8, 58}, {3, 7, 85}, {4, 6, 125}};
    private static final String[] BAND_NAMES = {"99%", "95%", "90%", "80%", "50%"};
    private static final Color BAND = Charts.colour(0);
    private static final Color HISTORY = new Color(60, 60, 60);

    private FanChart() {
    }

    /**
     * The data of one fan.
     *
     * @param title          chart title
     * @param valueLabel     what the values are (the series' value column, e.g. "units")
     * @param historyTimes   times of the history shown
     * @param history        its values
     * @param forecastTimes  forecast times (the steps drawn, in order)
     * @param quantiles      per forecast time, the values at {@link #LEVELS}
     */
    public record Data(String title, String valueLabel, List<LocalDateTime> historyTimes, double[] history,
                       List<LocalDateTime> forecastTimes, double[][] quantiles) {

        /** Whether every value drawn, history and forecast, is zero (a dead item, or a panel of zeros). */
        boolean allZero() {
            for (double v : history) {
                if (v != 0) {
                    return false;
                }
            }
            for (double[] q : quantiles) {
                for (double v : q) {
                    if (v != 0) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    public static JFreeChart build(Data d) {
        return build(d, false);
    }

    /**
     * Several fans as a grid of small charts, one per series, each on its own value axis. Small
     * charts carry no legend, origin label or axis title (the grid's title names the bands), so that
     * the data keeps the space.
     */
    public static ChartGrid grid(String title, List<Data> fans) {
        List<JFreeChart> charts = new ArrayList<>();
        for (Data d : fans) {
            charts.add(build(d, true));
        }
        return new ChartGrid(title + "; bands 50, 80, 90, 95, 99%", charts, ChartGrid.squareColumns(charts.size()));
    }

    private static JFreeChart build(Data d, boolean small) {
        XYPlot plot = new XYPlot();
        List<LocalDateTime> all = new ArrayList<>(d.historyTimes());
        all.addAll(d.forecastTimes());
        plot.setDomainAxis(Charts.timeAxis(Charts.spacing(all)));
        NumberAxis value = new NumberAxis(d.valueLabel());
        value.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(value);
        for (int b = 0; b < BANDS.length; b++) {
            YIntervalSeries s = new YIntervalSeries(BAND_NAMES[b] + " band");
            for (int i = 0; i < d.forecastTimes().size(); i++) {
                double[] q = d.quantiles()[i];
                s.add(millis(d.forecastTimes().get(i)), q[MEDIAN], q[BANDS[b][0]], q[BANDS[b][1]]);
            }
            YIntervalSeriesCollection c = new YIntervalSeriesCollection();
            c.addSeries(s);
            DeviationRenderer r = new DeviationRenderer(true, false);
            r.setSeriesFillPaint(0, bandColour(b));
            r.setSeriesPaint(0, new Color(0, 0, 0, 0));
            r.setAlpha(1.0f);
            plot.setDataset(b, c);
            plot.setRenderer(b, r);
        }
        XYSeries median = new XYSeries("median");
        for (int i = 0; i < d.forecastTimes().size(); i++) {
            median.add(millis(d.forecastTimes().get(i)), d.quantiles()[i][MEDIAN]);
        }
        XYSeries history = new XYSeries("history");
        for (int i = 0; i < d.historyTimes().size(); i++) {
            history.add(millis(d.historyTimes().get(i)), d.history()[i]);
        }
        plot.setDataset(BANDS.length, new XYSeriesCollection(median));
        plot.setRenderer(BANDS.length, line(BAND.darker(), 2.2f));
        plot.setDataset(BANDS.length + 1, new XYSeriesCollection(history));
        plot.setRenderer(BANDS.length + 1, line(HISTORY, 1.6f));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        if (!d.historyTimes().isEmpty()) {
            plot.addDomainMarker(originMarker(d.historyTimes().get(d.historyTimes().size() - 1), !small));
        }
        plot.setFixedLegendItems(legendItems());
        Charts.style(plot);
        JFreeChart chart = Charts.chart(d.title(), plot);
        if (small) {
            chart.removeLegend();
            chart.getTitle().setFont(Charts.LABEL);
            plot.getDomainAxis().setLabel(null);
        }
        if (d.allZero()) {
            // a flat line at zero looks like a broken chart; say that it is the data
            TextTitle note = new TextTitle("every value shown is 0: no demand in the history and none forecast", Charts.NOTE);
            note.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(note);
        }
        return chart;
    }

    private static ValueMarker originMarker(LocalDateTime origin, boolean labelled) {
        ValueMarker m = new ValueMarker(millis(origin), Color.GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        if (labelled) {
            m.setLabel("forecast origin");
        }
        m.setLabelFont(Charts.TICK);
        m.setLabelPaint(Color.DARK_GRAY);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        return m;
    }

    /** The bands draw no line of their own, so their legend entries are built by hand as swatches. */
    private static LegendItemCollection legendItems() {
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("history", null, null, null, new Line2D.Double(-8, 0, 8, 0), new BasicStroke(1.6f),
                HISTORY));
        legend.add(new LegendItem("median", null, null, null, new Line2D.Double(-8, 0, 8, 0), new BasicStroke(2.2f),
                BAND.darker()));
        for (int b = BANDS.length - 1; b >= 0; b--) {
            legend.add(new LegendItem(BAND_NAMES[b], null, null, null, new Rectangle(-6, -6, 12, 12), seenColour(b)));
        }
        return legend;
    }

    /** A band's own shade, drawn over every wider band. */
    private static Color bandColour(int b) {
        return new Color(BAND.getRed(), BAND.getGreen(), BAND.getBlue(), BANDS[b][2]);
    }

    /** A band's colour as it appears, its shade over every wider band's: 1 − Π(1 − αᵢ) opaque. */
    private static Color seenColour(int b) {
        double clear = 1;
        for (int i = 0; i <= b; i++) {
            clear *= 1 - BANDS[i][2] / 255.0;
        }
        return new Color(BAND.getRed(), BAND.getGreen(), BAND.getBlue(), (int) Math.round(255 * (1 - clear)));
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
