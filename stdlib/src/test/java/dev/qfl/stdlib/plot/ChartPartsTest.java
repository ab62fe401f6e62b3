package dev.qfl.stdlib.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.junit.jupiter.api.Test;

class ChartPartsTest {

    @Test
    void coverageColumnsCarryTheirTargetAndOtherMetricsNone() {
        assertEquals(Optional.of(0.8), MetricBars.coverageTarget("coverage_0.8"));
        assertEquals(Optional.of(0.95), MetricBars.coverageTarget("coverage_0.95"));
        assertEquals(Optional.empty(), MetricBars.coverageTarget("wql"));
        assertEquals(Optional.empty(), MetricBars.coverageTarget("coverage_x"));
        assertEquals(Optional.empty(), MetricBars.coverageTarget("coverage_80"));
    }

    @Test
    void timeLabelsCarryTheYearAndAreReadInUtc() {
        LocalDateTime newYear = LocalDateTime.of(2025, 1, 1, 0, 0);
        long millis = FanChart.millis(newYear);
        DateAxis monthly = Charts.timeAxis(Duration.ofDays(31));
        DateAxis daily = Charts.timeAxis(Duration.ofDays(1));
        DateAxis hourly = Charts.timeAxis(Duration.ofHours(1));
        // whatever the machine's zone, midnight of New Year stays in 2025
        assertEquals("Jan 2025", monthly.getDateFormatOverride().format(new java.util.Date(millis)));
        assertEquals("1 Jan 2025", daily.getDateFormatOverride().format(new java.util.Date(millis)));
        assertEquals("1 Jan 2025 00:00", hourly.getDateFormatOverride().format(new java.util.Date(millis)));
        assertEquals(Duration.ofDays(7), Charts.spacing(List.of(newYear, newYear.plusWeeks(1), newYear.plusWeeks(3))));
    }

    @Test
    void thePaletteHasEightDistinctColoursAndRepeatsAfter() {
        assertEquals(8, new HashSet<>(Charts.PALETTE).size());
        assertEquals(Charts.colour(0), Charts.colour(8));
    }

    @Test
    void coverageBarsAreDrawnAgainstTheirTarget() {
        MetricBars bars = new MetricBars("m", new java.util.LinkedHashMap<>(Map.of(
                "coverage_0.9", Map.of("a", 0.1, "b", 0.2))));
        assertEquals(1, bars.panelCount());
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
        bars.draw(img.createGraphics(), new java.awt.Rectangle(400, 300)); // draws without error, legend included
        CategoryPlot plot = bars.panel(0).getCategoryPlot();
        ValueMarker target = (ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals(0.9, target.getValue());
        assertTrue(plot.getRangeAxis().getUpperBound() >= 0.9, "the axis reaches the target above bars of 0.1 and 0.2");
    }

}
