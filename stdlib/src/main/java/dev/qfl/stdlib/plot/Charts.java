package dev.qfl.stdlib.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/** The look shared by every QFL chart: white background, light grid, readable fonts, a colour-blind-safe palette. */
final class Charts {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font NOTE = new Font(Font.SANS_SERIF, Font.ITALIC, 13);
    private static final Color GRID = new Color(220, 220, 220);
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /**
     * Okabe and Ito's eight colours, which stay distinct under the common colour-vision deficiencies
     * (JFreeChart's default palette puts red beside green). Yellow is last: it is faint on white.
     */
    static final List<Color> PALETTE = List.of(
            new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442));

    private Charts() {
    }

    static Color colour(int i) {
        return PALETTE.get(i % PALETTE.size());
    }

    static JFreeChart chart(String title, Plot plot) {
        // a title made from a long statement would run off the picture at the usual size
        JFreeChart chart = new JFreeChart(title, title.length() > 70 ? TITLE.deriveFont(14f) : TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /**
     * A time axis in UTC (the times are wall-clock times of the data, turned into instants as UTC, so
     * any other zone would shift them) whose tick labels always carry the year: a forecast crossing
     * New Year, or history two years back, is otherwise ambiguous. Daily and finer data show the day.
     *
     * @param spacing the time between consecutive points of the data
     */
    static DateAxis timeAxis(Duration spacing) {
        DateAxis axis = new DateAxis("date", UTC, Locale.ROOT);
        String pattern = spacing.toDays() >= 28 ? "MMM yyyy" : spacing.toHours() >= 24 ? "d MMM yyyy" : "d MMM yyyy HH:mm";
        SimpleDateFormat format = new SimpleDateFormat(pattern, Locale.ROOT);
        format.setTimeZone(UTC);
        axis.setDateFormatOverride(format);
        axis.setLowerMargin(0.01);
        axis.setUpperMargin(0.01);
        return axis;
    }

    /** The spacing of a list of times (its smallest gap), or a day when it has fewer than two. */
    static Duration spacing(List<LocalDateTime> times) {
        Duration least = null;
        for (int i = 1; i < times.size(); i++) {
            Duration d = Duration.between(times.get(i - 1), times.get(i));
            if (!d.isNegative() && !d.isZero() && (least == null || d.compareTo(least) < 0)) {
                least = d;
            }
        }
        return least == null ? Duration.ofDays(1) : least;
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            plot.getDomainAxis(i).setLabelFont(LABEL);
            plot.getDomainAxis(i).setTickLabelFont(TICK);
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            plot.getRangeAxis(i).setLabelFont(LABEL);
            plot.getRangeAxis(i).setTickLabelFont(TICK);
        }
    }

    static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.getDomainAxis().setTickLabelFont(TICK);
        plot.getRangeAxis().setTickLabelFont(TICK);
    }
}
