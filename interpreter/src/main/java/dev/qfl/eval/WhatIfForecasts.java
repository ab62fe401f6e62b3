package dev.qfl.eval;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticException;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.TrainedModel;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The forecast a what-if question ({@code ... using iq with promo = 1}) reads: the fitted model's
 * ordinary forecast of the panel whose future covariate values the {@code with} clause replaced.
 * Nothing is trained again and the plain forecast in the model's slot is neither used nor
 * replaced; each what-if question makes its own (they are not cached, since two questions rarely
 * ask the same change and one forecast of a panel is cheap next to training).
 */
final class WhatIfForecasts {
    private WhatIfForecasts() {
    }

    /**
     * The panel with every assignment applied to its future covariates, in the order written.
     *
     * @param file the script, where a value that is not finite is reported at its assignment
     */
    static Panel changed(Panel panel, List<ResolvedQuery.WhatIf> whatIfs, SourceFile file) throws DiagnosticException {
        Panel out = panel;
        for (ResolvedQuery.WhatIf w : whatIfs) {
            requirePlanned(out, w, file);
            out = out.withFutureCovariate(w.covariate(), w.change(), w.text());
            requireFinite(out, w, file);
        }
        return out;
    }

    /** The model's forecast of the changed panel, floored like every forecast. */
    static ForecastSet forecast(String modelName, ModelSlot slot, Panel panel, List<ResolvedQuery.WhatIf> whatIfs,
                                Reporter reporter, SourceFile file, ModelRegistry kinds) throws DiagnosticException {
        TrainedModel trained = slot.trained();
        if (slot.loaded()) {
            requireUsesCovariates(modelName, trained, whatIfs, file, kinds);
        }
        Panel changed = changed(panel, whatIfs, file);
        return Forecasts.floored(trained.forecast(modelName, changed, new FitContext(modelName, reporter)),
                changed.support());
    }

    /** One line for explain: what the what-if forecast changes. */
    static String describe(List<ResolvedQuery.WhatIf> whatIfs) {
        return whatIfs.stream().map(ResolvedQuery.WhatIf::text).collect(Collectors.joining(", "));
    }

    /**
     * A model read with {@code load(...)} has no kind the checker can see, so the check lets it
     * through; its kind is known once it is read. (A declared model's kind was checked already,
     * and tests that stand other kinds in for it must not be refused here.) One that ignores covariates ({@code auto}, say)
     * would answer the plain forecast as if it were the what-if, so it is refused here instead.
     */
    private static void requireUsesCovariates(String modelName, TrainedModel trained, List<ResolvedQuery.WhatIf> whatIfs,
                                              SourceFile file, ModelRegistry kinds) throws DiagnosticException {
        String kind = trained.spec().kind();
        if (kinds.find(kind).map(ModelKind::usesCovariates).orElse(false)) {
            return;
        }
        dev.qfl.diag.Span clause = whatIfs.get(0).span().to(whatIfs.get(whatIfs.size() - 1).span());
        throw new DiagnosticException(List.of(Diagnostic.error(DiagnosticCode.WHAT_IF_WITHOUT_COVARIATES, file, clause,
                "'with' changes future covariates, and " + modelName + " (a loaded " + kind
                        + " model) does not use covariates, so its answer would be the plain forecast",
                "ask a model that does: iqf, mqf2, sqf, gaussian, quantreg or arima on a series read with covariates:")));
    }

    /**
     * A planned value the data leave empty is a gap in the plan, not a bad {@code with} value:
     * reported as missing future covariates (QF3160), naming the series and the date, before the
     * change would turn it into a NaN that QF2047 blames on the assignment.
     */
    private static void requirePlanned(Panel panel, ResolvedQuery.WhatIf w, SourceFile file) throws DiagnosticException {
        int c = panel.covariates().dynamic().indexOf(w.covariate());
        for (TimeSeries s : panel.series()) {
            int known = s.length() + s.covariates().futureSteps();
            for (int i = s.length(); i < known; i++) {
                if (!Double.isFinite(s.covariates().dynamicAt(c, i))) {
                    throw new DiagnosticException(List.of(Diagnostic.error(DiagnosticCode.FUTURE_COVARIATES_MISSING,
                            file, w.span(), "series " + s.id() + " has no planned " + w.covariate() + " at "
                                    + s.timeAt(i).toLocalDate() + ", so 'with " + w.text() + "' has nothing to change there",
                            "fill the " + w.covariate() + " cell of that row in the data")));
                }
            }
        }
    }

    /** A value such as {@code price = price / 0} gives no number a model can read: refused, naming the step. */
    private static void requireFinite(Panel panel, ResolvedQuery.WhatIf w, SourceFile file) throws DiagnosticException {
        int c = panel.covariates().dynamic().indexOf(w.covariate());
        for (TimeSeries s : panel.series()) {
            int known = s.length() + s.covariates().futureSteps();
            for (int i = s.length(); i < known; i++) {
                double v = s.covariates().dynamicAt(c, i);
                if (!Double.isFinite(v)) {
                    throw new DiagnosticException(List.of(Diagnostic.error(DiagnosticCode.WHAT_IF_NOT_FINITE, file,
                            w.span(), "'with " + w.text() + "' gives " + v + " for series " + s.id() + " at "
                                    + s.timeAt(i).toLocalDate() + ": a covariate must be a finite number",
                            "check for a division by zero or a planned value that is missing")));
                }
            }
        }
    }
}
