package dev.qfl.stdlib.data;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts the covariates read with one series' rows onto its grid ({@link Covariates}).
 *
 * <p><b>History.</b> An empty covariate cell, or a step without a row, takes the value of the
 * step before (the first known value at the start; 0 when a column has no value at all): prices
 * and promotion flags hold until they change, and the target's own gap rules stay with the target.
 *
 * <p><b>Future.</b> Rows after the series' last target value (the target empty) carry the future
 * values of the dynamic covariates. They count from the step after the series' end for as long as
 * every dynamic covariate has a value; the first empty cell or missing row ends what is known, and
 * a model asked for more steps than that refuses with QF3160 naming the series and the time.
 *
 * <p><b>Statics</b> must be constant per series: a second, different value is QF3161 at its row.
 * Empty cells are ignored; a series with none gets the empty text (its own category).
 */
final class CovariateRows {
    private final RowPositions where;
    private final CovariateSpec spec;
    private final Frequency freq;

    CovariateRows(RowPositions where, CovariateSpec spec, Frequency freq) {
        this.where = where;
        this.spec = spec;
        this.freq = freq;
    }

    /**
     * The covariates of series {@code id} of {@code length} steps from {@code start}, from all of
     * its rows (sorted by time; history and future alike).
     */
    Covariates assemble(String id, List<SeriesAssembler.Point> rows, LocalDateTime start, int length) {
        int dynamic = spec.dynamic().size();
        int past = spec.past().size();
        int last = length - 1;
        long[] index = new long[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            SeriesAssembler.Point p = rows.get(r);
            if (p.time().isBefore(start)) {
                index[r] = -1;   // a row before the first value: nothing of the series is known yet
                continue;
            }
            index[r] = SeriesAssembler.gridIndex(freq, start, p.time()).orElseThrow(() -> DataErrors.at(
                    DataErrors.OFF_GRID, where.at(p.line(), p.timeColumn()), SeriesAssembler.show(p.time())
                            + " in series \"" + id + "\" is not on the " + freq.keyword() + " grid that starts at "
                            + SeriesAssembler.show(start), "check the times of the future rows of this series"));
            last = (int) Math.max(last, Math.min(index[r], Integer.MAX_VALUE - 1));
        }
        int span = Math.min(last + 1, length + SeriesAssembler.MAX_FUTURE);
        double[][] dyn = new double[dynamic][span];
        double[][] pst = new double[past][length];
        for (double[] a : dyn) {
            Arrays.fill(a, Double.NaN);
        }
        for (double[] a : pst) {
            Arrays.fill(a, Double.NaN);
        }
        String[] statics = new String[spec.statics().size()];
        SeriesAssembler.Point[] staticFrom = new SeriesAssembler.Point[statics.length];
        for (int r = 0; r < rows.size(); r++) {
            SeriesAssembler.Point p = rows.get(r);
            int k = (int) index[r];
            if (k >= 0 && k < span && p.covariates() != null) {
                for (int c = 0; c < dynamic; c++) {
                    dyn[c][k] = p.covariates()[c];
                }
                for (int c = 0; c < past && k < length; c++) {
                    pst[c][k] = p.covariates()[dynamic + c];
                }
            }
            for (int c = 0; p.statics() != null && c < statics.length; c++) {
                String text = p.statics()[c] == null ? "" : p.statics()[c].strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (statics[c] == null) {
                    statics[c] = text;
                    staticFrom[c] = p;
                } else if (!statics[c].equals(text)) {
                    throw DataErrors.at(DataErrors.STATIC_VARIES, where.at(p.line(), p.timeColumn()), "the static attribute \""
                            + spec.statics().get(c) + "\" of series \"" + id + "\" is \"" + text + "\" here but \""
                            + statics[c] + "\" on row " + staticFrom[c].line() + ": a static attribute is constant per series",
                            "move a changing attribute to covariates: (numeric) or past:, or fix the rows");
                }
            }
        }
        for (double[] a : dyn) {
            carryForward(a, length);
        }
        for (double[] a : pst) {
            carryForward(a, length);
        }
        int future = 0;
        while (length + future < span && known(dyn, length + future)) {
            future++;
        }
        double[][] cut = new double[dynamic][];
        for (int c = 0; c < dynamic; c++) {
            cut[c] = Arrays.copyOf(dyn[c], length + future);
        }
        List<String> staticValues = new ArrayList<>();
        for (String v : statics) {
            staticValues.add(v == null ? "" : v);
        }
        return new Covariates(cut, pst, staticValues, dynamic == 0 ? 0 : future);
    }

    private static boolean known(double[][] dyn, int k) {
        for (double[] a : dyn) {
            if (Double.isNaN(a[k])) {
                return false;
            }
        }
        return true;
    }

    /** Fills empty history steps with the step before (the first value at the start; 0 without any). */
    private static void carryForward(double[] a, int length) {
        double first = 0;
        for (int k = 0; k < length; k++) {
            if (!Double.isNaN(a[k])) {
                first = a[k];
                break;
            }
        }
        double previous = first;
        for (int k = 0; k < length; k++) {
            if (Double.isNaN(a[k])) {
                a[k] = previous;
            } else {
                previous = a[k];
            }
        }
    }
}
