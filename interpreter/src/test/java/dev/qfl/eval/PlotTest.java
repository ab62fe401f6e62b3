package dev.qfl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ExampleScripts;
import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflSession;
import dev.qfl.check.CheckResult;
import dev.qfl.check.Checker;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.data.CsvLoader;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.plot.FanChart;
import dev.qfl.stdlib.table.Table;
import dev.qfl.syntax.ScriptParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class PlotTest {
    private static final Path EXAMPLES = ExampleScripts.repoRoot().resolve("examples");
    private static final String HEADER = """
            series demand = csv("data/retail.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 14, season: 7)
            """;

    @TempDir
    Path dir;

    @Test
    void plotsAreImagesOfTheStatedSize() throws Exception {
        try (QflSession s = QflEngine.builder().build().openSession(EXAMPLES)) {
            s.evaluate("p.qfl", HEADER + """
                    model daily = seasonal_naive(demand, horizon: 14, season: 1)
                    plot fan(demand, naive) where id == "A-17" to "%1$s/fan.png"
                    plot quantile_function(demand) using naive where id == "A-17" and horizon <= 2 to "%1$s/qf.svg"
                    plot tradeoff(demand, 0.90..0.99 step 0.01) using naive where id == "A-17" and horizon == 1 to "%1$s/t.png"
                    let e = evaluate naive, daily on demand backtest windows: 1
                    plot e to "%1$s/eval.png"
                    """.formatted(dir));
        }
        for (String png : new String[] {"fan.png", "t.png", "eval.png"}) {
            BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
            assertEquals(960, image.getWidth(), png);
            assertEquals(540, image.getHeight(), png);
        }
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // the SVG names the W3C DTD; reading it would need the network
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element svg = xml.newDocumentBuilder().parse(dir.resolve("qf.svg").toFile()).getDocumentElement();
        assertEquals("svg", svg.getTagName());
        assertEquals(960.0, Double.parseDouble(svg.getAttribute("width")));
        assertEquals(540.0, Double.parseDouble(svg.getAttribute("height")));
    }

    @Test
    void aFanPlotsTheQuantilesTheQueryAnswers() throws QflScriptException, Exception {
        String script = HEADER + "plot fan(demand, naive) where id == \"B-02\" and horizon <= 5\n";
        SourceFile file = new SourceFile("p.qfl", script);
        ModelRegistry models = ModelRegistry.standard();
        CheckResult checked = new Checker(models, file).check(ScriptParser.parse(file).script(), Scope.empty());
        ResolvedQuery.Fan fanQuery = (ResolvedQuery.Fan) checked.queries().values().iterator().next();
        Panel panel = new CsvLoader().load("demand", EXAMPLES.resolve("data/retail.csv"),
                new CsvOptions("date", "units", "sku", null, null, null)).panel();
        ModelKind kind = models.find("seasonal_naive").orElseThrow();
        var spec = kind.resolve(Map.of("horizon", 14, "season", 7), panel.frequency());
        ForecastSet forecast = Forecasts.floored(kind.fit(panel, spec, FitContext.silent("naive"))
                .forecast("naive", panel, FitContext.silent("naive")), panel.support());
        JFreeChart chart = (JFreeChart) PlotRunner.fan(fanQuery, panel, forecast, checked.scope());

        Table expected;
        try (QflSession s = QflEngine.builder().build().openSession(EXAMPLES)) {
            expected = s.evaluate("q.qfl", HEADER
                    + "quantile(demand, [0.05, 0.5, 0.95]) where id == \"B-02\" and horizon <= 5\n").lastTable().orElseThrow();
        }
        XYPlot plot = chart.getXYPlot();
        YIntervalSeriesCollection band90 = (YIntervalSeriesCollection) plot.getDataset(2);
        YIntervalSeriesCollection band99 = (YIntervalSeriesCollection) plot.getDataset(0);
        XYDataset median = plot.getDataset(5);
        assertEquals(5, median.getItemCount(0));
        assertEquals(5, band90.getItemCount(0));
        SeriesForecast b02 = forecast.find("B-02").orElseThrow();
        for (int h = 0; h < 5; h++) {
            assertEquals(expected.getDouble(3 * h, "value"), band90.getStartYValue(0, h), 1e-12, "5% at step " + (h + 1));
            assertEquals(expected.getDouble(3 * h + 1, "value"), median.getYValue(0, h), 1e-12, "median at step " + (h + 1));
            assertEquals(expected.getDouble(3 * h + 2, "value"), band90.getEndYValue(0, h), 1e-12, "95% at step " + (h + 1));
            assertEquals(b02.step(h + 1).quantile(0.005), band99.getStartYValue(0, h), 1e-12, "0.5% at step " + (h + 1));
            assertEquals(b02.step(h + 1).quantile(0.995), band99.getEndYValue(0, h), 1e-12, "99.5% at step " + (h + 1));
        }
        XYDataset history = plot.getDataset(6);
        assertEquals(panel.find("B-02").orElseThrow().value(panel.find("B-02").orElseThrow().length() - 1),
                history.getYValue(0, history.getItemCount(0) - 1), "history ends at the last observation");
        assertTrue(history.getXValue(0, history.getItemCount(0) - 1) < median.getXValue(0, 0), "forecast follows history");
        assertEquals("units", plot.getRangeAxis().getLabel(), "the value axis names the series' value column");
        // the origin is marked at the last observation, and the date labels carry the year
        var origin = (org.jfree.chart.plot.ValueMarker) plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals(history.getXValue(0, history.getItemCount(0) - 1), origin.getValue());
        var axis = (org.jfree.chart.axis.DateAxis) plot.getDomainAxis();
        assertTrue(axis.getDateFormatOverride().format(new java.util.Date((long) origin.getValue())).matches(".*\\b20\\d\\d\\b.*"),
                axis.getDateFormatOverride().format(new java.util.Date((long) origin.getValue())));
        assertEquals(1, chart.getSubtitleCount(), "only the legend: this series is not all zeros");
    }

    @Test
    void aFanOfSeveralSeriesIsAGridOfSmallChartsEachOnItsOwnAxis() throws Exception {
        Path png = dir.resolve("grid.png");
        try (QflSession s = QflEngine.builder().build().openSession(EXAMPLES)) {
            s.evaluate("p.qfl", HEADER + "plot fan(demand, naive) where horizon <= 7 to \"" + png + "\"\n");
        }
        assertTrue(Files.size(png) > 0);
        SourceFile file = new SourceFile("p.qfl", HEADER + "plot fan(demand, naive) where horizon <= 7\n");
        ModelRegistry models = ModelRegistry.standard();
        CheckResult checked = new Checker(models, file).check(ScriptParser.parse(file).script(), Scope.empty());
        Panel panel = new CsvLoader().load("demand", EXAMPLES.resolve("data/retail.csv"),
                new CsvOptions("date", "units", "sku", null, null, null)).panel();
        ModelKind kind = models.find("seasonal_naive").orElseThrow();
        ForecastSet forecast = kind.fit(panel, kind.resolve(Map.of("horizon", 14, "season", 7), panel.frequency()),
                FitContext.silent("naive")).forecast("naive", panel, FitContext.silent("naive"));
        var grid = (dev.qfl.stdlib.plot.ChartGrid) PlotRunner.fan((ResolvedQuery.Fan) checked.queries().values().iterator().next(), panel,
                forecast, checked.scope());
        assertEquals(panel.series().size(), grid.panelCount());
    }

    @Test
    void aFanOfMoreSeriesThanAGridHoldsIsRefusedWithAHint() throws Exception {
        StringBuilder csv = new StringBuilder("date,sku,units\n");
        for (int id = 0; id < PlotRunner.MAX_FANS + 1; id++) {
            for (int d = 0; d < 30; d++) {
                csv.append(java.time.LocalDate.of(2024, 1, 1).plusDays(d)).append(",S").append(id).append(',').append(d % 7).append('\n');
            }
        }
        Files.writeString(dir.resolve("many.csv"), csv);
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            QflScriptException e = org.junit.jupiter.api.Assertions.assertThrows(QflScriptException.class,
                    () -> s.evaluate("p.qfl", """
                            series d = csv("many.csv", time: "date", value: "units", id: "sku")
                            model naive = seasonal_naive(d, horizon: 7, season: 7)
                            plot fan(d, naive) to "x.png"
                            """));
            assertEquals("QF5003", e.diagnostics().get(0).code());
            assertTrue(e.diagnostics().get(0).message().contains("1 to " + PlotRunner.MAX_FANS), e.diagnostics().get(0).message());
            assertTrue(Files.notExists(dir.resolve("x.png")));
        }
    }

    @Test
    void historySetsHowManyPastStepsAFanDrawsAndIsChecked() throws Exception {
        SourceFile file = new SourceFile("h.qfl", HEADER + "plot fan(demand, naive, history: 10) where id == \"B-02\"\n");
        ModelRegistry models = ModelRegistry.standard();
        CheckResult checked = new Checker(models, file).check(ScriptParser.parse(file).script(), Scope.empty());
        assertTrue(checked.diagnostics().isEmpty(), checked.diagnostics().toString());
        Panel panel = new CsvLoader().load("demand", EXAMPLES.resolve("data/retail.csv"),
                new CsvOptions("date", "units", "sku", null, null, null)).panel();
        ModelKind kind = models.find("seasonal_naive").orElseThrow();
        ForecastSet forecast = kind.fit(panel, kind.resolve(Map.of("horizon", 14, "season", 7), panel.frequency()),
                FitContext.silent("naive")).forecast("naive", panel, FitContext.silent("naive"));
        JFreeChart chart = (JFreeChart) PlotRunner.fan((ResolvedQuery.Fan) checked.queries().values().iterator().next(), panel, forecast,
                checked.scope());
        assertEquals(10, chart.getXYPlot().getDataset(6).getItemCount(0));

        for (String bad : new String[] {"history: 2.5", "history: 0", "histroy: 5", "history: 1e6"}) {
            SourceFile f = new SourceFile("h.qfl", HEADER + "plot fan(demand, naive, " + bad + ") where id == \"B-02\"\n");
            CheckResult c = new Checker(models, f).check(ScriptParser.parse(f).script(), Scope.empty());
            assertEquals(1, c.diagnostics().size(), bad + ": " + c.diagnostics());
            assertTrue(c.diagnostics().get(0).code().equals(bad.startsWith("histroy") ? "QF2004" : "QF2005"),
                    bad + ": " + c.diagnostics());
        }
    }

    @Test
    void checkFindsAFanThatSelectsNoSeriesOnceTheDataIsRead() throws Exception {
        Path script = dir.resolve("c.qfl");
        Files.writeString(script, HEADER.replace("data/retail.csv", EXAMPLES.resolve("data/retail.csv").toString())
                + "plot fan(demand, naive) where id == \"Z-99\" to \"x.png\"\n");
        dev.qfl.cli.CliRun run = dev.qfl.cli.CliRun.of("check", script.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("error[QF5003]: fan draws 1 to 12 series, and the condition selects 0"), run.err());
    }

    @Test
    void aFanOfZerosSaysSoAndTradeoffsDrawTheirMarginalCost() throws Exception {
        StringBuilder csv = new StringBuilder("date,sku,units\n");
        for (int d = 0; d < 30; d++) {
            csv.append(java.time.LocalDate.of(2024, 1, 1).plusDays(d)).append(",Z,0\n");
        }
        Files.writeString(dir.resolve("zeros.csv"), csv);
        SourceFile file = new SourceFile("z.qfl", """
                series d = csv("zeros.csv", time: "date", value: "units", id: "sku")
                model naive = seasonal_naive(d, horizon: 7, season: 7)
                plot fan(d, naive)
                """);
        ModelRegistry models = ModelRegistry.standard();
        CheckResult checked = new Checker(models, file).check(ScriptParser.parse(file).script(), Scope.empty());
        Panel panel = new CsvLoader().load("d", dir.resolve("zeros.csv"), new CsvOptions("date", "units", "sku", null, null, null)).panel();
        ModelKind kind = models.find("seasonal_naive").orElseThrow();
        ForecastSet forecast = kind.fit(panel, kind.resolve(Map.of("horizon", 7, "season", 7), panel.frequency()),
                FitContext.silent("naive")).forecast("naive", panel, FitContext.silent("naive"));
        JFreeChart chart = (JFreeChart) PlotRunner.fan((ResolvedQuery.Fan) checked.queries().values().iterator().next(), panel, forecast,
                checked.scope());
        String note = ((org.jfree.chart.title.TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).getText();
        assertTrue(note.contains("every value shown is 0"), note);

        try (QflSession s = QflEngine.builder().build().openSession(EXAMPLES)) {
            Table t = s.evaluate("t.qfl", HEADER + "tradeoff(demand, 0.90..0.99 step 0.01) using naive "
                    + "where id == \"B-02\" and horizon == 1\n").lastTable().orElseThrow();
            XYPlot plot = ((JFreeChart) PlotRunner.tradeoff("t", t)).getXYPlot();
            XYDataset marginal = plot.getDataset(2);
            assertEquals(1, plot.getRangeAxisIndex(plot.getRangeAxis(1)));
            assertEquals(t.rowCount(), marginal.getItemCount(0));
            for (int r = 0; r < t.rowCount(); r++) {
                assertEquals(t.getDouble(r, "marginal"), marginal.getYValue(0, r), 1e-12);
            }
        }
    }
}
