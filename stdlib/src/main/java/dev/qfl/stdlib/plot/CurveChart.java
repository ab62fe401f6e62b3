package dev.qfl.stdlib.plot;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Curves over the level axis: a quantile function (value against level, knots marked) or a
 * trade-off curve (stock against service level, each computed level marked).
 */
public final class CurveChart {
    private CurveChart() {
    }

    /**
     * One curve.
     *
     * @param label   legend text, e.g. "A-17, horizon 1"
     * @param x       levels
     * @param y       values at those levels
     * @param markX   levels to mark with a dot (knots), possibly empty
     * @param markY   values at the marks
     */
    public record Curve(String label, double[] x, double[] y, double[] markX, double[] markY) {
    }

    public static JFreeChart build(String title, String xLabel, String yLabel, List<Curve> curves) {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeriesCollection marks = new XYSeriesCollection();
        for (Curve c : curves) {
            XYSeries s = new XYSeries(c.label(), false);
            for (int i = 0; i < c.x().length; i++) {
                s.add(c.x()[i], c.y()[i]);
            }
            lines.addSeries(s);
            XYSeries m = new XYSeries(c.label() + " knots", false);
            for (int i = 0; i < c.markX().length; i++) {
                m.add(c.markX()[i], c.markY()[i]);
            }
            marks.addSeries(m);
        }
        XYPlot plot = new XYPlot();
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer markRenderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < curves.size(); i++) {
            lineRenderer.setSeriesStroke(i, new BasicStroke(2f));
            markRenderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
            markRenderer.setSeriesVisibleInLegend(i, false);
        }
        plot.setDataset(0, marks);
        plot.setRenderer(0, markRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        // the dots take the colour of their curve
        for (int i = 0; i < curves.size(); i++) {
            markRenderer.setSeriesPaint(i, plot.getDrawingSupplier().getNextPaint());
            lineRenderer.setSeriesPaint(i, markRenderer.getSeriesPaint(i));
        }
        Charts.style(plot);
        return Charts.chart(title, plot);
    }
}
