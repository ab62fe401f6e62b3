package dev.qfl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticException;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.data.CovariateSpec;
import dev.qfl.stdlib.data.Covariates;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The what-if panel: a gap in the plan is reported as missing future covariates, not as a bad value. */
class WhatIfForecastsTest {
    private static final String SCRIPT = "quantile(sales, 0.5) using ar with price = price * 0.9\n";
    private static final SourceFile FILE = new SourceFile("plan.qfl", SCRIPT);

    /** Series B's planned price is empty on its second future day (2024-01-12); A's plan is whole. */
    private static Panel panel() {
        List<TimeSeries> series = List.of(series("A", Double.NaN, false), series("B", Double.NaN, true));
        return new Panel("sales", Frequency.DAY, series, Support.NONNEGATIVE, "plan-gap", "generated", null,
                new CovariateSpec(List.of("price"), List.of(), List.of(), null));
    }

    private static TimeSeries series(String id, double gap, boolean withGap) {
        double[] values = new double[10];
        Arrays.fill(values, 5);
        boolean[] observed = new boolean[10];
        Arrays.fill(observed, true);
        double[] price = new double[13];
        Arrays.fill(price, 2.0);
        if (withGap) {
            price[11] = gap;
        }
        return new TimeSeries(id, Frequency.DAY, LocalDateTime.of(2024, 1, 1, 0, 0), values, observed,
                new Covariates(new double[][] {price}, new double[0][], List.of(), 3));
    }

    private static ResolvedQuery.WhatIf priceCut() {
        int at = SCRIPT.indexOf("price = price * 0.9");
        return new ResolvedQuery.WhatIf("price", v -> v * 0.9, "price = price * 0.9",
                FILE.spanAt(at, "price = price * 0.9".length()));
    }

    @Test
    void aMissingPlannedValueIsQF3160NamingTheSeriesAndTheDate() {
        DiagnosticException e = assertThrows(DiagnosticException.class,
                () -> WhatIfForecasts.changed(panel(), List.of(priceCut()), FILE));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("QF3160", d.code(), d.message());
        assertTrue(d.message().contains("series B") && d.message().contains("2024-01-12"), d.message());
        assertEquals(1, d.span().line());
    }

    @Test
    void aWholePlanIsChangedAsWritten() throws DiagnosticException {
        Panel whole = new Panel("sales", Frequency.DAY, List.of(series("A", 0, false)), Support.NONNEGATIVE, "whole",
                "generated", null, new CovariateSpec(List.of("price"), List.of(), List.of(), null));
        Panel changed = WhatIfForecasts.changed(whole, List.of(priceCut()), FILE);
        assertEquals(1.8, changed.series().get(0).covariates().dynamicAt(0, 11), 1e-12);
        assertEquals(2.0, changed.series().get(0).covariates().dynamicAt(0, 9), 1e-12);
    }
}
