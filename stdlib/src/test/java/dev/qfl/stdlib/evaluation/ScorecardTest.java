package dev.qfl.stdlib.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.dist.QuantileFunction;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every metric against cases worked out by hand. */
class ScorecardTest {
    private static final List<Metric> ALL = List.of(new Metric.Wql(), new Metric.Crps(), new Metric.Coverage(0.8),
            new Metric.Mase(), new Metric.Msis(), new Metric.Crossing());

    /** A forecast that is certain: every quantile is {@code c}. */
    static QuantileFunction pointMass(double c) {
        return new QuantileFunction() {
            @Override
            public double quantile(double level) {
                return c;
            }

            @Override
            public double cdf(double x) {
                return x >= c ? 1 : 0;
            }
        };
    }

    /** Uniform on [0, width]: q(α) = width·α. */
    static QuantileFunction uniform(double width) {
        return new QuantileFunction() {
            @Override
            public double quantile(double level) {
                return width * level;
            }

            @Override
            public double cdf(double x) {
                return Math.min(1, Math.max(0, x / width));
            }
        };
    }

    @Test
    void wqlIsARatioOfSumsOverNineLevels() {
        Scorecard s = new Scorecard(ALL);
        s.add("a", pointMass(8), 10, 1);   // under-forecast by 2: loss 2·2·α at level α
        s.add("b", pointMass(7), 5, 1);    // over-forecast by 2: loss 2·2·(1 − α)
        // per level the two losses add to 4, for every level; Σ|y| = 15
        assertEquals(4.0 / 15, s.value(new Metric.Wql()), 1e-12);
        // CRPS of a point mass is |y − c|: (2 + 2) / 15
        assertEquals(4.0 / 15, s.value(new Metric.Crps()), 1e-4);
    }

    @Test
    void coverageCountsOutcomesInsideTheCentralInterval() {
        Scorecard s = new Scorecard(ALL);
        for (double y : new double[] {0.05, 0.5, 0.95, 0.85}) {
            s.add("a", uniform(1), y, 1);  // the 80% interval is [0.1, 0.9]
        }
        assertEquals(0.5, s.value(new Metric.Coverage(0.8)), 1e-12);
    }

    @Test
    void maseAndMsisAverageScaledScoresOverSeries() {
        Scorecard s = new Scorecard(ALL);
        s.add("a", pointMass(10), 12, 1.5);  // |error| 2
        s.add("a", pointMass(10), 6, 1.5);   // |error| 4: series a scores 3 / 1.5 = 2
        s.add("b", pointMass(0), 3, 1.0);    // series b scores 3 / 1 = 3
        assertEquals(2.5, s.value(new Metric.Mase()), 1e-12);

        Scorecard m = new Scorecard(ALL);
        // uniform on [0, 10]: the 95% interval is [0.25, 9.75], width 9.5
        m.add("a", uniform(10), 12, 2);  // above by 2.25: 9.5 + 40·2.25 = 99.5
        m.add("a", uniform(10), 5, 2);   // inside: 9.5
        assertEquals((99.5 + 9.5) / 2 / 2, m.value(new Metric.Msis()), 1e-12);
    }

    @Test
    void crossingReportsRowsWhoseQuantilesGoDown() {
        QuantileFunction crossing = new QuantileFunction() {
            @Override
            public double quantile(double level) {
                return level < 0.5 ? level : level - 0.3;   // drops at 0.5
            }

            @Override
            public double cdf(double x) {
                throw new UnsupportedOperationException("not needed");
            }
        };
        Scorecard s = new Scorecard(List.of(new Metric.Crossing()));
        s.add("a", crossing, 0.5, 1);
        s.add("a", uniform(1), 0.5, 1);
        s.add("a", uniform(1), 0.2, 1);
        s.add("a", crossing, 0.1, 1);
        assertEquals(0.5, s.value(new Metric.Crossing()), 1e-12);
    }

    @Test
    void windowsHideTheRightPoints() {
        double[] values = new double[20];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Panel panel = new Panel("p", Frequency.DAY, List.of(TimeSeries.of("x", Frequency.DAY,
                LocalDateTime.of(2024, 1, 1, 0, 0), values)), Support.REAL, "fp", "test");
        List<Backtest.Window> w = Backtest.windows(panel, 3, 2, 2, 7);
        assertEquals(15, w.get(0).train().series().get(0).length());
        assertEquals(List.of(15.0, 16.0, 17.0), box(w.get(0).actuals().get("x")));
        assertEquals(17, w.get(1).train().series().get(0).length());
        assertEquals(List.of(17.0, 18.0, 19.0), box(w.get(1).actuals().get("x")));
        assertEquals(7.0, w.get(0).scales().get("x"), 1e-12, "y_t − y_{t−7} is 7 for a straight line");
    }

    private static List<Double> box(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
