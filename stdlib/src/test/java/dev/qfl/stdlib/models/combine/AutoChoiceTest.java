package dev.qfl.stdlib.models.combine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import dev.qfl.stdlib.models.local.ToyKinds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an auto model keeps (its per-series choice), how it is read back, and which candidates it fits. */
class AutoChoiceTest {

    /** A kind that records the series of every panel it is fitted on. */
    private static final class Recording implements ModelKind {
        private final ModelKind inner;
        final List<List<String>> fits = new ArrayList<>();

        Recording(ModelKind inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public String summary() {
            return inner.summary();
        }

        @Override
        public List<OptionSpec> options() {
            return inner.options();
        }

        @Override
        public ModelSpec resolve(Map<String, Object> given, Frequency frequency) {
            return inner.resolve(given, frequency);
        }

        @Override
        public int minimumLength(ModelSpec spec) {
            return inner.minimumLength(spec);
        }

        @Override
        public synchronized TrainedModel fit(Panel panel, ModelSpec spec, FitContext context) {
            fits.add(panel.series().stream().map(TimeSeries::id).toList());
            return inner.fit(panel, spec, context);
        }
    }

    private final Recording walk = new Recording(new ToyKinds.Walk());
    private final Recording level = new Recording(new ToyKinds.Level());
    private final AutoKind auto = new AutoKind(List.of(walk, level));

    private static Panel panel(String fingerprint) {
        return AutoKindTest.panel(fingerprint);
    }

    private ModelSpec spec() {
        return auto.resolve(Map.of("horizon", 4, "candidates", List.of("walk", "level"), "windows", 3, "pooling", 0.0),
                Frequency.MONTH);
    }

    @Test
    void eachCandidateIsFittedOnlyOnTheSeriesThatChoseIt() {
        auto.fit(panel("fp"), spec(), FitContext.silent("a"));
        // three backtest windows see both series; the final fit gives each candidate only its own series
        assertEquals(4, walk.fits.size(), walk.fits.toString());
        assertEquals(List.of("walk"), walk.fits.get(3));
        assertEquals(List.of("noise"), level.fits.get(3));
        assertTrue(walk.fits.subList(0, 3).stream().allMatch(f -> f.size() == 2), walk.fits.toString());
    }

    @Test
    void theChoiceReadBackForecastsAsTheFittedModelDidWithoutBacktesting() throws IOException {
        Panel p = panel("fp");
        AutoModel fitted = (AutoModel) auto.fit(p, spec(), FitContext.silent("a"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        fitted.writeParameters(bytes);
        int before = walk.fits.size() + level.fits.size();

        TrainedModel loaded = auto.readParameters(spec(), TrainingSummary.instant(2, Duration.ZERO),
                new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(fitted.choices(), loaded.choices());
        ForecastSet a = fitted.forecast("a", p, FitContext.silent("a"));
        ForecastSet b = loaded.forecast("a", p, FitContext.silent("a"));
        for (String id : List.of("noise", "walk")) {
            for (double tau : new double[] {0.05, 0.5, 0.95}) {
                assertEquals(a.find(id).orElseThrow().step(4).quantile(tau), b.find(id).orElseThrow().step(4).quantile(tau), 1e-12);
            }
        }
        // the loaded model fitted each chosen candidate once, on its own series, and no backtest window
        assertEquals(before + 2, walk.fits.size() + level.fits.size());
        loaded.forecast("a", p, FitContext.silent("a"));
        assertEquals(before + 2, walk.fits.size() + level.fits.size(), "the same data is not fitted twice");
    }

    @Test
    void seriesTheBacktestNeverSawUseEveryCandidateEqually() throws IOException {
        AutoModel fitted = (AutoModel) auto.fit(panel("fp"), spec(), FitContext.silent("a"));
        Panel other = panel("other");
        LocalDateTime start = LocalDateTime.of(2010, 1, 1, 0, 0);
        double[] flat = new double[60];
        java.util.Arrays.fill(flat, 7);
        List<TimeSeries> series = new ArrayList<>(other.series());
        series.add(TimeSeries.of("new", Frequency.MONTH, start, flat));
        Panel wider = other.withSeries(series, "+new");
        ForecastSet f = fitted.forecast("a", wider, FitContext.silent("a"));
        // both toys forecast a flat series at its level: the equal average is that level
        assertEquals(7, f.find("new").orElseThrow().step(1).quantile(0.5), 1e-9);
        assertTrue(walk.fits.get(walk.fits.size() - 1).contains("new"));
        assertTrue(level.fits.get(level.fits.size() - 1).contains("new"));
    }

    @Test
    void damagedOrCraftedChoicesAreRefusedWithAReason() throws IOException {
        List<String> names = List.of("walk", "level");
        assertTrue(reason(names, out -> {
            header(out, names);
            weights(out, 0.5, 0.5);
            out.writeInt(1);
            out.writeUTF("s");
            weights(out, 0.9, 0.9);
        }).contains("sum to 1.8"));
        assertTrue(reason(names, out -> {
            header(out, names);
            weights(out, 0.5, 0.5);
            out.writeInt(Integer.MAX_VALUE);
        }).contains("claims 2147483647 series"));
        assertTrue(reason(names, out -> {
            header(out, List.of("walk", "prophet"));
        }).contains("'prophet'"));
        assertTrue(reason(names, out -> {
            header(out, names);
            weights(out, Double.NaN, 1);
        }).contains("NaN"));
        assertTrue(reason(names, out -> {
            out.writeInt(1);
            out.writeInt(3);
        }).contains("3 candidates"));
        assertTrue(reason(names, out -> {
            header(out, names);
            weights(out, 0.5, 0.5);
            out.writeInt(0);
            out.writeByte(1);
        }).contains("bytes after"));
        // truncated: the stream ends inside the weights
        assertThrows(IOException.class, () -> AutoChoiceFile.read(names, new ByteArrayInputStream(new byte[] {0, 0, 0, 1, 0, 0, 0, 2}), 8));
    }

    @Test
    void aWrittenChoiceReadsBackExactly() throws IOException {
        CandidateWeights w = new CandidateWeights(List.of("walk", "level"),
                Map.of("a", new double[] {1, 0}, "b", new double[] {0.25, 0.75}), new double[] {0.5, 0.5});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AutoChoiceFile.write(w, bytes);
        CandidateWeights back = AutoChoiceFile.read(w.candidates(), new ByteArrayInputStream(bytes.toByteArray()), bytes.size());
        assertEquals(w.weights().keySet(), back.weights().keySet());
        assertArrayEquals(new double[] {0.25, 0.75}, back.weights().get("b"));
        assertArrayEquals(new double[] {0.5, 0.5}, back.fallback());
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static String reason(List<String> names, Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        writer.write(out);
        out.flush();
        return assertThrows(IOException.class, () -> AutoChoiceFile.read(names,
                new ByteArrayInputStream(bytes.toByteArray()), bytes.size())).getMessage();
    }

    private static void header(DataOutputStream out, List<String> names) throws IOException {
        out.writeInt(1);
        out.writeInt(names.size());
        for (String n : names) {
            out.writeUTF(n);
        }
    }

    private static void weights(DataOutputStream out, double... w) throws IOException {
        for (double v : w) {
            out.writeDouble(v);
        }
    }
}
