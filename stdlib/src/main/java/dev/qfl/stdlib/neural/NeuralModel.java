package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.dist.FlooredQuantileFunction;
import dev.qfl.stdlib.dist.HurdleQuantileFunction;
import dev.qfl.stdlib.dist.QuantileAverage;
import dev.qfl.stdlib.dist.QuantileMixture;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.dist.WholeNumberQuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.JointDistribution;
import dev.qfl.stdlib.forecast.SampledJoint;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import dev.qfl.stdlib.models.combine.AveragedJoint;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained neural forecaster: one or more members (an ensemble differs by seed). Forecasting runs
 * each member's network once over all series (in chunks), turns each step's raw outputs into a
 * compact quantile function in plain Java and, for an ensemble, combines the members' functions:
 * as a mixture ({@link QuantileMixture}, {@code combine: mixture}) or averaged level by level
 * ({@link QuantileAverage}); either is again a monotone quantile function. Every query after that
 * is array work, not tensor work.
 */
final class NeuralModel implements TrainedModel, AutoCloseable {
    /**
     * Layout of the saved parameters: a header (this number, the context length, the member count, the covariate schema,
     * whether the model learned counts), then each member's network and head. Files from earlier layouts fail with a clear error.
     */
    static final int PARAMETER_FORMAT = 0x514E0006;   // 6: one more input per forecast step (how errors grow)
    private static final int INFERENCE_CHUNK = 1024;

    private final ModelSpec spec;
    private final NeuralOptions options;
    private final WindowLayout layout;
    private final NDManager manager;
    private final List<NeuralTrainer.Member> members;
    private final TrainingSummary summary;
    /**
     * Trained on counts ({@link NeuralOptions#countsIn}): answers are whole numbers. Decided once
     * on the training panel and saved, so every later forecast (a partition of the panel on
     * Spark, say) answers the way the model learned.
     */
    private final boolean counts;

    NeuralModel(ModelSpec spec, NeuralOptions options, WindowLayout layout, NDManager manager,
                List<NeuralTrainer.Member> members, boolean counts, TrainingSummary summary) {
        this.spec = spec;
        this.options = options;
        this.layout = layout;
        this.manager = manager;
        this.members = List.copyOf(members);
        this.counts = counts;
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

    /** Members in the ensemble (1 without {@code ensemble:}). */
    int size() {
        return members.size();
    }

    /** The context length the fit chose (or was given); with {@code vary: context} member 0's. */
    int contextLength() {
        return layout.context();
    }

    @Override
    public ForecastSet forecast(String name, Panel panel, FitContext context) {
        layout.covariates().requireSame(panel, name);
        Map<WindowLayout, Batch> batches = new HashMap<>();   // one per context length the members read
        int horizon = options.horizon();
        List<TimeSeries> list = panel.series();
        List<List<MemberForecast>> bySeries = new ArrayList<>();
        for (int s = 0; s < list.size(); s++) {
            bySeries.add(new ArrayList<>(members.size()));
        }
        PanelStates states = PanelStates.of(panel, layout, false);   // the same for every member context
        for (NeuralTrainer.Member member : members) {
            Batch all = batches.computeIfAbsent(member.layout(),
                    l -> new WindowSampler(panel, l, false, counts, states).inference());
            float[] raw = outputs(member, all, context);
            int width = member.head().outputs(horizon).size();
            for (int s = 0; s < list.size(); s++) {
                bySeries.get(s).add(memberForecast(member, raw, s * width, all, s, list.get(s).id(), name));
            }
        }
        List<SeriesForecast> series = new ArrayList<>();
        boolean nonNegative = panel.support() == Support.NONNEGATIVE;
        for (int s = 0; s < list.size(); s++) {
            TimeSeries ts = list.get(s);
            List<MemberForecast> f = bySeries.get(s);
            List<QuantileFunction> marginals = new ArrayList<>(horizon);
            // counts: whole numbers, and an intermittent item's chance of zero from its recent zeros
            double zero = counts ? WindowSampler.recentZeroShare(ts, layout.context()) : 0;
            boolean hurdle = zero >= WindowSampler.INTERMITTENT_ZEROS;
            for (int h = 0; h < horizon; h++) {
                QuantileFunction q = combined(f, h);
                if (counts) {
                    QuantileFunction whole = new WholeNumberQuantileFunction(q);
                    marginals.add(hurdle ? new HurdleQuantileFunction(whole, zero) : whole);
                } else {
                    marginals.add(nonNegative ? FlooredQuantileFunction.atZero(q) : q);
                }
            }
            JointDistribution joint = joint(f);
            if (joint instanceof SampledJoint sampled && nonNegative) {
                joint = sampled.floored(0);
            }
            series.add(new SeriesForecast(ts.id(), ts.frequency(), ts.end(), marginals, joint));
        }
        return new ForecastSet(name, horizon, series, List.of());
    }

    /**
     * One member's forecast of one series. Heads refuse to build a distribution from outputs that
     * are not finite numbers; that is the network's failure (weights that overflowed in training),
     * reported like a loss that stopped being a number, never as an internal error.
     */
    private MemberForecast memberForecast(NeuralTrainer.Member member, float[] raw, int offset, Batch all,
                                          int s, String id, String modelName) {
        try {
            double[] locations = new double[options.horizon()];
            for (int h = 0; h < locations.length; h++) {
                locations[h] = all.stepLocation(s, h, options.horizon());
            }
            return MemberForecast.of(member.head(), raw, offset, locations, all.scale()[s],
                    options.seed() * 31 + id.hashCode());
        } catch (IllegalArgumentException e) {
            throw new QflException(TensorEngine.NOT_FINITE, "the forecast of " + modelName + " for series " + id
                    + " is not a number: the trained network's outputs overflow (" + e.getMessage() + ")", null,
                    "look for extreme values in the data, or train again with a lower lr", e);
        }
    }

    /**
     * The members' distributions of one step combined: a mixture with {@code combine: mixture} and
     * per-step heads, else the level-by-level average (joint heads' marginals must stay those of
     * their level-by-level averaged paths).
     */
    private QuantileFunction combined(List<MemberForecast> forecasts, int step) {
        if (forecasts.size() == 1) {
            return forecasts.get(0).steps().get(step);
        }
        List<QuantileFunction> steps = new ArrayList<>(forecasts.size());
        forecasts.forEach(f -> steps.add(f.steps().get(step)));
        if (options.mixesMembers() && forecasts.get(0).joint() == null) {
            return QuantileMixture.of(steps);
        }
        double[] weights = new double[steps.size()];
        Arrays.fill(weights, 1.0);
        return QuantileAverage.of(steps, weights);
    }

    /** The members' joint distributions averaged level by level, or null for per-step heads. */
    private static JointDistribution joint(List<MemberForecast> forecasts) {
        if (forecasts.get(0).joint() == null) {
            return null;
        }
        if (forecasts.size() == 1) {
            return forecasts.get(0).joint();
        }
        double[] weights = new double[forecasts.size()];
        Arrays.fill(weights, 1.0 / forecasts.size());
        return new AveragedJoint(forecasts.stream().map(MemberForecast::joint).toList(), weights);
    }

    /** One member's raw outputs for every window of the batch. */
    private float[] outputs(NeuralTrainer.Member member, Batch all, FitContext context) {
        int width = member.head().outputs(options.horizon()).size();
        float[] raw = new float[all.size() * width];
        int cf = WindowLayout.CONTEXT_FEATURES;
        WindowLayout own = member.layout();
        int ef = own.extraFeatures();
        ParameterStore store = new ParameterStore(member.manager(), false);
        for (int from = 0; from < all.size(); from += INFERENCE_CHUNK) {
            context.checkCancelled();
            int n = Math.min(INFERENCE_CHUNK, all.size() - from);
            try (NDManager step = member.manager().newSubManager()) {
                NDArray x = step.create(slice(all.context(), from, n, own.context() * cf),
                        new Shape(n, own.context(), cf));
                NDArray e = Tensors.owned(step, slice(all.extras(), from, n, ef), new Shape(n, ef));
                NDArray out = member.network().forward(store, new NDList(x, e), false).head();
                System.arraycopy(out.toFloatArray(), 0, raw, from * width, n * width);
            }
        }
        return raw;
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
        data.writeInt(PARAMETER_FORMAT);
        data.writeInt(layout.context());
        data.writeInt(members.size());
        layout.covariates().write(data);   // what the model was trained with, read back before the members
        data.writeBoolean(counts);
        for (NeuralTrainer.Member member : members) {
            NeuralTrainer.writeMember(member, data);
        }
        data.flush();
    }

    @Override
    public void close() {
        manager.close();
    }
}
