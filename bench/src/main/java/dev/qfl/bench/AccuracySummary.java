package dev.qfl.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Summary rows of the accuracy benchmark, computed as the development set's README defines them so
 * they sit beside its peers: mean wQL over cases, the geometric mean over cases of wQL relative to
 * the seasonal naive on the same case, mean cov80, mean MASE.
 */
final class AccuracySummary {
    /** One printed row. */
    record Row(String group, String model, int cases, int skipped, double meanWql, double gmRelWql, double cov80,
               double meanMase, double fitSeconds) {
    }

    private AccuracySummary() {
    }

    /**
     * @param cases     the model's scored cases in this group and protocol
     * @param reference the seasonal naive's wQL of a case, or NaN when unknown (the case is then left out of the GM)
     */
    static Row row(String group, String model, List<CaseScore> cases, int skipped, ToDoubleFunction<CaseScore> reference,
                   double fitSeconds) {
        double logSum = 0;
        int logCount = 0;
        for (CaseScore c : cases) {
            double ref = reference.applyAsDouble(c);
            if (ref > 0 && c.wql() > 0 && Double.isFinite(ref) && Double.isFinite(c.wql())) {
                logSum += Math.log(c.wql() / ref);
                logCount++;
            }
        }
        return new Row(group, model, cases.size(), skipped, mean(cases, CaseScore::wql),
                logCount == 0 ? Double.NaN : Math.exp(logSum / logCount), mean(cases, CaseScore::cov80),
                mean(cases, CaseScore::mase), fitSeconds);
    }

    static List<CaseScore> select(List<CaseScore> cases, Predicate<CaseScore> keep) {
        List<CaseScore> out = new ArrayList<>();
        for (CaseScore c : cases) {
            if (keep.test(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static double mean(List<CaseScore> cases, ToDoubleFunction<CaseScore> f) {
        return cases.stream().mapToDouble(f).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    static void header(PrintStream out) {
        out.printf(Locale.ROOT, "%-11s %-22s %6s %7s %9s %8s %6s %9s %8s%n", "panel", "model", "cases", "skipped",
                "mean_wql", "gm_rel", "cov80", "mase", "fit_s");
    }

    static void print(PrintStream out, Row r) {
        out.printf(Locale.ROOT, "%-11s %-22s %6d %7d %9.4f %8.3f %6.3f %9.3f %8.1f%n", r.group(), r.model(), r.cases(),
                r.skipped(), r.meanWql(), r.gmRelWql(), r.cov80(), r.meanMase(), r.fitSeconds());
    }

    static void printPeer(PrintStream out, PeerScores.Summary s) {
        out.printf(Locale.ROOT, "%-11s %-22s %6d %7s %9.4f %8.3f %6.3f %9.3f %8s%n", s.group(), "sf:" + s.method(),
                s.cases(), "", s.meanWql(), s.gmRelWql(), s.cov80(), s.meanMase(), "");
    }
}
