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
        return build(title, xLabel, yLabel, curves, null, null);
    }

    /**
     * Curves with, optionally, a second quantity per curve on a right-hand axis, drawn dashed in the
     * curve's colour: for a trade-off, the marginal stock the last point of service costs.
     *
     * @param secondary      per curve, values at its {@code x}, or null for none
     * @param secondaryLabel the right-hand axis's label
     */
    public static JFreeChart build(String title, String xLabel, String yLabel, List<Curve> curves,
                                   List<double[]> secondary, String secondaryLabel) {
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
            lineRenderer.setSeriesPaint(i, Charts.colour(i));
            markRenderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
            markRenderer.setSeriesPaint(i, Charts.colour(i));
            markRenderer.setSeriesVisibleInLegend(i, false);
        }
        plot.setDataset(0, marks);
        plot.setRenderer(0, markRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        if (secondary != null) {
            addSecondary(plot, curves, secondary, secondaryLabel);
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        Charts.style(plot);
        return Charts.chart(title, plot);
    }

    private static void addSecondary(XYPlot plot, List<Curve> curves, List<double[]> secondary, String label) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < curves.size(); i++) {
            XYSeries s = new XYSeries(curves.get(i).label() + ", marginal (dashed)", false);
            double[] v = secondary.get(i);
            for (int k = 0; k < v.length; k++) {
                if (Double.isFinite(v[k])) {
                    s.add(curves.get(i).x()[k], v[k]);
                }
            }
            data.addSeries(s);
            r.setSeriesPaint(i, Charts.colour(i));
            r.setSeriesStroke(i, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(1, axis);
        plot.setDataset(2, data);
        plot.setRenderer(2, r);
        plot.mapDatasetToRangeAxis(2, 1);
    }
}
