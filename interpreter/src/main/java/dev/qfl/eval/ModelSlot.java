package dev.qfl.eval;

import dev.qfl.check.Symbol;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import java.util.HashMap;
import java.util.Map;

/**
 * A declared model at run time: its kind and series, then (once fitted) the trained model, and
 * (once asked) its single batched forecast, which every query against the model reads.
 */
final class ModelSlot {
    private final Symbol.ModelSymbol symbol;
    private final ModelKind kind;
    private TrainedModel trained;
    private ModelSpec spec;
    private final Map<String, ForecastSet> forecasts = new HashMap<>();
    private boolean skippedReported;
    private String dataFingerprint;

    ModelSlot(Symbol.ModelSymbol symbol, ModelKind kind) {
        this.symbol = symbol;
        this.kind = kind;
    }

    /** Whether the model was read from a file rather than declared with options. */
    boolean loaded() {
        return symbol.loadPath() != null;
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

    void fitted(ModelSpec resolved, TrainedModel model, String fingerprint) {
        this.spec = resolved;
        this.trained = model;
        this.dataFingerprint = fingerprint;
        this.forecasts.clear();
    }

    /** Fingerprint of the data the model was trained on. */
    String dataFingerprint() {
        return dataFingerprint;
    }

    /** The cached forecast of the named series panel, or null. */
    ForecastSet forecast(String series) {
        return forecasts.get(series);
    }

    void forecast(String series, ForecastSet set) {
        forecasts.put(series, set);
    }

    /** True the first time it is called: skipped series are warned about once per model. */
    boolean firstSkipReport() {
        boolean first = !skippedReported;
        skippedReported = true;
        return first;
    }

    /** The panel the model is declared on (null for a loaded model used with any series). */
    String seriesName() {
        return symbol.series();
    }
}
