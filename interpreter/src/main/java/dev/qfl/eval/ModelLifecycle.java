package dev.qfl.eval;

import dev.qfl.check.Symbol;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.Diagnostics;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import dev.qfl.stdlib.model.store.ModelStore;
import dev.qfl.stdlib.models.combine.EnsembleKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Declaring, fitting, caching, saving and loading models. Neural models are looked up in the
 * cache ({@code .qfl/models} beside the script) before training, and stored after: a re-run with
 * the same spec and data never retrains.
 */
final class ModelLifecycle {
    private final SessionState state;
    private final OutputSink out;

    ModelLifecycle(SessionState state, OutputSink out) {
        this.state = state;
        this.out = out;
    }

    /** Declares a model whose options the script gives: nothing is fitted until the plan says so. */
    void declare(Symbol.ModelSymbol symbol) {
        if (!symbol.members().isEmpty()) {
            state.putSlot(symbol.name(), new ModelSlot(symbol, ensembleKind(symbol)));
            return;
        }
        ModelKind kind = state.models().find(symbol.modelKind()).orElseThrow();
        state.putSlot(symbol.name(), new ModelSlot(symbol, kind));
    }

    /** Reads a model saved by {@code save} ({@code model m = load("file", series)}): it is fitted as read. */
    void load(Symbol.ModelSymbol symbol) {
        Path file = state.resolve(symbol.loadPath());
        ModelStore.Loaded loaded = ModelStore.read(file, state.models());
        ModelSlot slot = new ModelSlot(symbol, loaded.kind());
        slot.fitted(loaded.model().spec(), loaded.model(), loaded.dataFingerprint());
        state.putSlot(symbol.name(), slot);
        out.message("load " + symbol.name() + ": " + loaded.model().spec().canonical() + " from "
                + Diagnostics.display(file, state.baseDirectory()));
    }

    /** An ensemble's kind, made from its members' kinds and options as declared. */
    private EnsembleKind ensembleKind(Symbol.ModelSymbol symbol) {
        List<EnsembleKind.Member> members = new ArrayList<>();
        for (String name : symbol.members()) {
            ModelSlot member = state.slot(name);
            members.add(new EnsembleKind.Member(name, member.kind(), member.symbol().options()));
        }
        double[] weights = new double[members.size()];
        Object given = symbol.options().get("weights");
        for (int i = 0; i < weights.length; i++) {
            weights[i] = given instanceof List<?> list ? ((Number) list.get(i)).doubleValue() : 1.0;
        }
        return new EnsembleKind(members, weights);
    }

    /**
     * An ensemble reuses its members' fits (each fitted, or taken from the cache, as its own
     * declaration would be; the plan fits them first), so asking the members and the ensemble
     * trains nothing twice.
     */
    private ModelSlot fitEnsemble(ModelSlot slot, Panel panel) {
        long start = System.nanoTime();
        List<TrainedModel> members = new ArrayList<>();
        for (String name : slot.symbol().members()) {
            members.add(fitted(name).trained());
        }
        EnsembleKind kind = (EnsembleKind) slot.kind();
        ModelSpec spec = resolve(slot, panel);
        TrainedModel trained = kind.of(spec, TrainingSummary.instant(panel.series().size(),
                Duration.ofNanos(System.nanoTime() - start)), members, false);
        slot.fitted(spec, trained, panel.fingerprint());
        out.message("fit " + slot.symbol().name() + ": " + trained.describe());
        return slot;
    }

    /**
     * The slot of a model the plan has fitted. Fitting is never decided here: a model the plan did
     * not fit before this use is a disagreement between plan and run, an internal error.
     */
    ModelSlot fitted(String name) {
        ModelSlot slot = state.slot(name);
        if (!slot.fitted()) {
            throw new IllegalStateException("model " + name + " is used before the plan fitted it");
        }
        return slot;
    }

    /** What a {@code fit} statement says of a model fitted earlier. */
    void sayAlreadyFitted(String name) {
        ModelSlot slot = fitted(name);
        out.message("fit " + name + ": already fitted (" + slot.trained().summary().describe() + ")");
    }

    /** Fits (or takes from the cache) a model the plan fits here: the plan's fit step. */
    ModelSlot fit(String name) {
        ModelSlot slot = state.slot(name);
        if (slot.fitted()) {
            throw new IllegalStateException("model " + name + " is fitted twice: the plan fits a model once");
        }
        Panel panel = state.panel(slot.seriesName());
        if (slot.kind() instanceof EnsembleKind) {
            return fitEnsemble(slot, panel);
        }
        ModelSpec spec = resolve(slot, panel);
        FitContext context = new FitContext(name, state.reporter());
        ModelStore cache = new ModelStore(state.cacheDirectory());
        if (slot.kind().cached()) {
            var cached = cache.lookup(slot.kind(), spec, panel.fingerprint(), state.reporter());
            if (cached.isPresent()) {
                slot.fitted(spec, cached.get(), panel.fingerprint());
                out.message("fit " + name + ": loaded from " + Diagnostics.display(
                        cache.entry(spec, panel.fingerprint()), state.baseDirectory()) + " (trained earlier: "
                        + cached.get().describe() + ")");
                return slot;
            }
        }
        TrainedModel trained = slot.kind().fit(panel, spec, context);
        slot.fitted(spec, trained, panel.fingerprint());
        if (slot.kind().cached() && trained.persistable()) {
            cache.store(trained, panel.fingerprint(), state.reporter());
        }
        out.message("fit " + name + ": " + spec.canonical() + " on " + panel.name() + " — "
                + trained.describe());
        return slot;
    }

    static ModelSpec resolve(ModelSlot slot, Panel panel) {
        try {
            return slot.kind().resolve(slot.symbol().options(), panel.frequency());
        } catch (IllegalArgumentException e) {
            throw new QflException(DiagnosticCode.OPTION_OUT_OF_RANGE, e.getMessage());
        }
    }

    void save(String name, String path) {
        ModelSlot slot = fitted(name);
        if (!slot.trained().persistable()) {
            throw new QflException(DiagnosticCode.NOT_SAVED, slot.kind().name() + " models are not saved: they are fitted from the data "
                    + "afresh", null, "save neural models such as iqf", null);
        }
        Path file = state.resolve(path);
        try {
            ModelStore.write(file, slot.trained(), slot.dataFingerprint());
        } catch (IOException e) {
            throw new QflException(DiagnosticCode.WRITE_FAILED, "cannot write " + file + ": " + e.getMessage());
        }
        out.message("saved " + name + " to " + Diagnostics.display(file, state.baseDirectory()));
    }

    /**
     * A loaded model answers for any series of the frequency it was trained on, up to its horizon;
     * both are known only now.
     */
    static void checkUse(ModelSlot slot, Panel panel, int requestedHorizon, String modelName) {
        ModelSpec spec = slot.spec();
        Object trainedOn = spec.option("frequency").orElse(null);
        if (trainedOn != null && !trainedOn.equals(panel.frequency().keyword())) {
            throw new QflException(DiagnosticCode.MODEL_SERIES_MISMATCH, modelName + " was trained on " + trainedOn
                    + " data, and " + panel.name() + " is " + panel.frequency().keyword());
        }
        if (requestedHorizon > spec.horizon()) {
            throw new QflException(DiagnosticCode.HORIZON_BEYOND_MODEL, "horizon " + requestedHorizon
                    + " is beyond " + modelName + "'s horizon of " + spec.horizon());
        }
    }
}
