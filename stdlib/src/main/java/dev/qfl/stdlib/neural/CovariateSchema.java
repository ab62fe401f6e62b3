package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.CovariateSpec;
import dev.qfl.stdlib.data.Holidays;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.diag.DiagnosticCode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a neural model was trained with beyond the target: the names of its dynamic and past
 * covariates, each static attribute's values (a one-hot code per value seen in training), and the
 * holiday calendar. Saved with the model: a model forecasts only panels with the same covariates
 * (QF3162), and static values it never saw get no code (all zeros), not another value's.
 *
 * @param spec       the covariate columns and holiday calendar
 * @param vocabulary per static attribute, the values coded in training (most frequent first, at
 *                   most {@link #MAX_CODES})
 */
record CovariateSchema(CovariateSpec spec, List<List<String>> vocabulary) {
    /** A model trained with other covariates than the panel's. */
    static final DiagnosticCode MISMATCH = dev.qfl.stdlib.data.DataErrors.COVARIATE_MISMATCH;
    /** Future covariates missing for part of the horizon. */
    static final DiagnosticCode FUTURE_MISSING = dev.qfl.stdlib.data.DataErrors.FUTURE_COVARIATES;
    /**
     * The most values of one static attribute that get a code of their own: enough for categories
     * and regions, while a per-SKU attribute cannot make the input as wide as the panel.
     */
    static final int MAX_CODES = 32;
    /** Bound on saved names and values, so a damaged file is refused before anything is allocated. */
    private static final int MAX_SAVED = 10_000;

    static final CovariateSchema NONE = new CovariateSchema(CovariateSpec.NONE, List.of());

    CovariateSchema {
        vocabulary = vocabulary.stream().map(List::copyOf).toList();
        if (vocabulary.size() != spec.statics().size()) {
            throw new IllegalArgumentException("one vocabulary per static attribute");
        }
    }

    /** The schema of a training panel. */
    static CovariateSchema of(Panel panel) {
        CovariateSpec spec = panel.covariates();
        List<List<String>> vocabulary = new ArrayList<>();
        for (int a = 0; a < spec.statics().size(); a++) {
            Map<String, Integer> counts = new TreeMap<>();
            for (TimeSeries s : panel.series()) {
                counts.merge(s.covariates().statics().get(a), 1, Integer::sum);
            }
            List<String> values = new ArrayList<>(counts.keySet());
            values.sort((x, y) -> Integer.compare(counts.get(y), counts.get(x)));   // stable: ties stay sorted
            vocabulary.add(values.subList(0, Math.min(MAX_CODES, values.size())));
        }
        return new CovariateSchema(spec, vocabulary);
    }

    int dynamic() {
        return spec.dynamic().size();
    }

    int past() {
        return spec.past().size();
    }

    boolean holidays() {
        return spec.holidays() != null;
    }

    /** Inputs per forecast step: each dynamic covariate, and the holiday count when a calendar is given. */
    int stepFeatures() {
        return dynamic() + (holidays() ? 1 : 0);
    }

    /** Inputs per window: each past covariate's last value and context mean, and the static codes. */
    int windowFeatures() {
        return 2 * past() + vocabulary.stream().mapToInt(List::size).sum();
    }

    /** The codes of the static values of a series: per attribute, the index of its value or −1. */
    int[] codes(TimeSeries s) {
        int[] out = new int[vocabulary.size()];
        for (int a = 0; a < out.length; a++) {
            out[a] = vocabulary.get(a).indexOf(s.covariates().statics().get(a));
        }
        return out;
    }

    Holidays calendar() {
        return spec.holidays() == null ? null : Holidays.of(spec.holidays()).orElseThrow(() -> new QflException(
                MISMATCH, "the holiday calendar \"" + spec.holidays() + "\" is not known to this QFL version",
                null, null, null));
    }

    /** Refuses a panel whose covariates are not the ones the model was trained with. */
    void requireSame(Panel panel, String model) {
        CovariateSpec given = panel.covariates();
        if (!given.equals(spec)) {
            throw new QflException(MISMATCH, model + " was trained with " + describe(spec) + ", but " + panel.name()
                    + " has " + describe(given), null, "read " + panel.name() + " with the same covariates:, past:, "
                    + "static: and holidays: options, or train the model on it", null);
        }
    }

    private static String describe(CovariateSpec s) {
        if (s.isEmpty()) {
            return "no covariates";
        }
        List<String> parts = new ArrayList<>();
        if (!s.dynamic().isEmpty()) {
            parts.add("covariates " + s.dynamic());
        }
        if (!s.past().isEmpty()) {
            parts.add("past " + s.past());
        }
        if (!s.statics().isEmpty()) {
            parts.add("static " + s.statics());
        }
        if (s.holidays() != null) {
            parts.add("holidays \"" + s.holidays() + "\"");
        }
        return String.join(", ", parts);
    }

    void write(DataOutputStream out) throws IOException {
        writeList(out, spec.dynamic());
        writeList(out, spec.past());
        writeList(out, spec.statics());
        out.writeUTF(spec.holidays() == null ? "" : spec.holidays());
        for (List<String> v : vocabulary) {
            writeList(out, v);
        }
    }

    static CovariateSchema read(DataInputStream in) throws IOException {
        List<String> dynamic = readList(in);
        List<String> past = readList(in);
        List<String> statics = readList(in);
        String holidays = in.readUTF();
        List<List<String>> vocabulary = new ArrayList<>();
        for (int a = 0; a < statics.size(); a++) {
            List<String> v = readList(in);
            if (v.size() > MAX_CODES) {
                throw new IOException("a static attribute with " + v.size() + " codes");
            }
            vocabulary.add(v);
        }
        try {
            return new CovariateSchema(new CovariateSpec(dynamic, past, statics, holidays.isEmpty() ? null : holidays),
                    vocabulary);
        } catch (IllegalArgumentException e) {
            throw new IOException("its covariates are not well-formed: " + e.getMessage(), e);
        }
    }

    private static void writeList(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_SAVED) {
            throw new IOException("a list of " + n + " covariate names");
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    /** Per covariate column of one series, the mean and spread its values are normalised by. */
    record Scaling(double[] mean, double[] spread) {
        /** Over the series' own history (steps 0 .. length − 1): known wherever the series is. */
        static Scaling of(double[][] values, int length) {
            double[] mean = new double[values.length];
            double[] spread = new double[values.length];
            for (int c = 0; c < values.length; c++) {
                int n = Math.min(length, values[c].length);
                double m = 0;
                for (int i = 0; i < n; i++) {
                    m += (values[c][i] - m) / (i + 1);
                }
                double v = 0;
                for (int i = 0; i < n; i++) {
                    v += ((values[c][i] - m) * (values[c][i] - m) - v) / (i + 1);
                }
                mean[c] = m;
                // a covariate constant in the history (a promotion never run yet) keeps its raw steps
                spread[c] = Math.sqrt(v) > 1e-12 ? Math.sqrt(v) : Math.max(1, Math.abs(m));
            }
            return new Scaling(mean, spread);
        }

        float normalised(int c, double value) {
            return (float) Math.max(-WindowSampler.INPUT_BOUND, Math.min(WindowSampler.INPUT_BOUND,
                    (value - mean[c]) / spread[c]));
        }
    }
}
