package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.dist.FlooredQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained neural forecaster. Forecasting runs the network once over all series (in chunks),
 * then turns each step's raw outputs into a compact quantile function in plain Java: every
 * query after that is array work, not tensor work.
 */
final class NeuralModel implements TrainedModel, AutoCloseable {
    private static final int INFERENCE_CHUNK = 1024;

    private final ModelSpec spec;
    private final NeuralOptions options;
    private final QuantileHead head;
    private final NDManager manager;
    private final QuantileNetwork network;
    private final TrainingSummary summary;

    NeuralModel(ModelSpec spec, NeuralOptions options, QuantileHead head, NDManager manager, QuantileNetwork network,
                TrainingSummary summary) {
        this.spec = spec;
        this.options = options;
        this.head = head;
        this.manager = manager;
        this.network = network;
        this.summary = summary;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public TrainingSummary summary() {
        return summary;
    }

    @Override
    public ForecastSet forecast(String name, Panel panel, FitContext context) {
        WindowSampler windows = new WindowSampler(panel, options.context(), options.horizon());
        Batch all = windows.inference();
        int horizon = options.horizon();
        int steps = head.networkSteps(horizon);
        int d = head.outputsPerStep();
        float[] raw = new float[all.size() * steps * d];
        int cf = WindowSampler.CONTEXT_FEATURES;
        int ef = windows.extraFeatures();
        ParameterStore store = new ParameterStore(manager, false);
        for (int from = 0; from < all.size(); from += INFERENCE_CHUNK) {
            context.checkCancelled();
            int n = Math.min(INFERENCE_CHUNK, all.size() - from);
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.create(slice(all.context(), from, n, options.context() * cf),
                        new Shape(n, options.context(), cf));
                NDArray e = Tensors.owned(step, slice(all.extras(), from, n, ef), new Shape(n, ef));
                NDArray out = network.forward(store, new NDList(x, e), false).head();
                System.arraycopy(out.toFloatArray(), 0, raw, from * steps * d, n * steps * d);
            }
        }
        List<SeriesForecast> series = new ArrayList<>();
        List<TimeSeries> list = panel.series();
        for (int s = 0; s < list.size(); s++) {
            TimeSeries ts = list.get(s);
            QuantileHead.Forecast f = head.forecast(raw, s * steps * d, all.scale()[s], horizon,
                    options.seed() * 31 + ts.id().hashCode());
            List<QuantileFunction> marginals = new ArrayList<>(horizon);
            for (QuantileFunction q : f.steps()) {
                marginals.add(panel.support() == Support.NONNEGATIVE ? FlooredQuantileFunction.atZero(q) : q);
            }
            var joint = f.joint() instanceof dev.qfl.stdlib.forecast.SampledJoint sampled
                    && panel.support() == Support.NONNEGATIVE ? sampled.floored(0) : f.joint();
            series.add(new SeriesForecast(ts.id(), ts.frequency(), ts.end(), marginals, joint));
        }
        return new ForecastSet(name, horizon, series, List.of());
    }

    private static float[] slice(float[] all, int from, int n, int width) {
        float[] out = new float[n * width];
        System.arraycopy(all, from * width, out, 0, n * width);
        return out;
    }

    @Override
    public boolean persistable() {
        return true;
    }

    @Override
    public void writeParameters(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        network.saveParameters(data);
        head.writeParameters(data);
        data.flush();
    }

    @Override
    public void close() {
        manager.close();
    }
}
