package dev.qfl.eval;

import dev.qfl.check.Symbol;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;

/**
 * A declared model at run time: its kind and series, then (once fitted) the trained model, and
 * (once asked) its single batched forecast, which every query against the model reads.
 */
final class ModelSlot {
    private final Symbol.ModelSymbol symbol;
    private final ModelKind kind;
    private TrainedModel trained;
    private ModelSpec spec;
    private ForecastSet forecast;
    private boolean skippedReported;

    ModelSlot(Symbol.ModelSymbol symbol, ModelKind kind) {
        this.symbol = symbol;
        this.kind = kind;
    }

    Symbol.ModelSymbol symbol() {
        return symbol;
    }

    ModelKind kind() {
        return kind;
    }

    boolean fitted() {
        return trained != null;
    }

    TrainedModel trained() {
        return trained;
    }

    ModelSpec spec() {
        return spec;
    }

    void fitted(ModelSpec resolved, TrainedModel model) {
        this.spec = resolved;
        this.trained = model;
        this.forecast = null;
    }

    ForecastSet forecast() {
        return forecast;
    }

    void forecast(ForecastSet set) {
        this.forecast = set;
    }

    /** True the first time it is called: skipped series are warned about once per model. */
    boolean firstSkipReport() {
        boolean first = !skippedReported;
        skippedReported = true;
        return first;
    }

    /** The panel the model is declared on, looked up by the caller. */
    String seriesName() {
        return symbol.series();
    }

    boolean matches(Panel panel) {
        return panel.name().equals(symbol.series());
    }
}
