package dev.qfl.stdlib.neural;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.model.TrainingSummary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The training loop shared by the neural models: Adam with element-wise gradient clipping, a
 * held-out validation slice for early stopping and best-epoch selection, the learning rate halved
 * after a plateau, an optional wall-time bound, and a stop with a clear error when the loss stops
 * being a number. Every step's arrays live in an {@link NDScope}, so native memory stays flat.
 *
 * <p>With {@code refit} (the default) the held-out slice only chooses how long to train: a first
 * run with validation finds the best epoch and when the learning rate halved, then every member
 * trains from scratch on all data for that many epochs with the same schedule. Holding out the last
 * horizon removes a large share of a short series (a third of a 17-point yearly one), and those
 * last points are the ones most like the future. With {@code ensemble: N} the members differ by
 * seed (weights and windows) and the model averages their quantile functions.
 */
final class NeuralTrainer {
    /** Epochs without a better validation loss before the learning rate is halved. */
    static final int PATIENCE = 5;
    /** Element-wise gradient bound. */
    static final float CLIP = 10f;

    private NeuralTrainer() {
    }

    /** One trained network and its head, in a manager of its own, and the windows it reads. */
    record Member(QuantileNetwork network, Head head, NDManager manager, WindowLayout layout) {
    }

    /** What one training run did: the summary and the epochs after which the learning rate halved. */
    private record Run(Member member, TrainingSummary summary, List<Integer> halvings) {
    }

    static NeuralModel fit(Panel panel, ModelSpec spec, Supplier<Head> heads, FitContext context) {
        long start = System.nanoTime();
        NeuralOptions o = NeuralOptions.from(spec);
        int contextLength = o.context() > 0 ? o.context() : WindowLayout.defaultContext(panel, o.horizon(), o.season());
        WindowLayout layout = o.layout(panel.frequency(), contextLength).withCovariates(CovariateSchema.of(panel));
        Head firstHead = heads.get();   // the validated run's, which also tells whether the head can learn counts
        boolean counts = counts(o, panel, firstHead);
        PanelStates heldStates = PanelStates.of(panel, layout, true);   // every member's samplers share them
        WindowSampler held = new WindowSampler(panel, layout, true, counts, heldStates);
        if (held.trainingWindows() == 0) {
            throw new QflException(TensorEngine.NO_DATA, "no series of " + panel.name() + " has the " + (o.horizon() + 1)
                    + " observations a training window of horizon " + o.horizon() + " needs", null,
                    "use a shorter horizon or more history", null);
        }
        Engine engine = TensorEngine.start();
        Device device = TensorEngine.device(engine, o.device());
        NDManager manager = NDManager.newBaseManager(device);
        int series = panel.series().size();
        try {
            List<Member> members = new ArrayList<>();
            TrainingSummary summary;
            boolean refit = o.refit() && held.hasValidation();
            Run first = train(engine, o.member(0), firstHead, held, manager, context, series, start, null);
            summary = first.summary();
            if (refit && !pastDeadline(o, start)) {
                first.member().manager().close();
                Map<WindowLayout, WindowSampler> all = new HashMap<>();   // members with the same context share windows
                PanelStates allStates = PanelStates.of(panel, layout, false);
                NeuralOptions chosen = o.withEpochs(Math.max(1, summary.bestEpoch()));
                double lastTrain = Double.NaN;
                for (int i = 0; i < o.ensemble() && (i == 0 || !pastDeadline(o, start)); i++) {
                    WindowSampler windows = all.computeIfAbsent(memberLayout(o, layout, i),
                            l -> new WindowSampler(panel, l, false, counts, allStates));
                    Run run = train(engine, chosen.member(i), heads.get(), windows, manager, context, series, start,
                            first.halvings());
                    members.add(run.member());
                    lastTrain = run.summary().trainLoss();
                }
                summary = new TrainingSummary(series, summary.epochs(), summary.bestEpoch(), lastTrain,
                        summary.validationLoss(), elapsed(start), summary.stopReason());
            } else {
                members.add(first.member());
                for (int i = 1; i < o.ensemble() && !pastDeadline(o, start); i++) {
                    WindowLayout own = memberLayout(o, layout, i);
                    WindowSampler windows = own.equals(layout) ? held
                            : new WindowSampler(panel, own, true, counts, heldStates);
                    members.add(train(engine, o.member(i), heads.get(), windows, manager, context, series, start, null)
                            .member());
                }
                summary = new TrainingSummary(series, summary.epochs(), summary.bestEpoch(), summary.trainLoss(),
                        summary.validationLoss(), elapsed(start), summary.stopReason());
            }
            return new NeuralModel(spec, o, layout, manager, members, counts, summary);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Whether a panel trains and answers as counts ({@link NeuralOptions#countsIn}). Only heads
     * with a distribution per step do: a joint head's sample paths would need rounding as a whole.
     */
    static boolean counts(NeuralOptions o, Panel panel, Head head) {
        return o.countsIn(panel) && head.match(univariate -> true, joint -> false);
    }

    /** Member {@code i}'s windows: the model's, with the member's own context length ({@code vary: context}). */
    private static WindowLayout memberLayout(NeuralOptions o, WindowLayout base, int i) {
        int length = o.memberContext(base.context(), i);
        return length == base.context() ? base : base.withContext(length);
    }

    private static boolean pastDeadline(NeuralOptions o, long start) {
        return o.maxTime() != null && elapsed(start).compareTo(o.maxTime()) >= 0;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Rebuilds a trained model from saved parameters: the layout header (format, context length,
     * member count), then each member's network and head.
     */
    static NeuralModel load(ModelSpec spec, Supplier<Head> heads, TrainingSummary summary, InputStream in)
            throws IOException {
        NeuralOptions o = NeuralOptions.from(spec);
        Frequency frequency = Frequency.fromKeyword(spec.stringOption("frequency"))
                .orElseThrow(() -> new IOException("the saved model names no known frequency"));
        DataInputStream data = new DataInputStream(in);
        int format = data.readInt();
        if (format != NeuralModel.PARAMETER_FORMAT) {
            throw new IOException("the saved parameters have another layout (written by another QFL version)");
        }
        int contextLength = data.readInt();
        int count = data.readInt();
        if (contextLength < 1 || contextLength > 100_000 || count < 1 || count > 100) {
            throw new IOException("the saved parameters have another layout (context " + contextLength + ", "
                    + count + " members)");
        }
        WindowLayout layout = o.layout(frequency, contextLength).withCovariates(CovariateSchema.read(data));
        boolean counts = data.readBoolean();
        Engine engine = TensorEngine.start();
        NDManager manager = NDManager.newBaseManager(TensorEngine.device(engine, o.device()));
        try {
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                NDManager own = manager.newSubManager();
                Head head = heads.get();
                // built as training built it (same batch in the saved input shapes), so the layout matches
                WindowLayout memberLayout = memberLayout(o, layout, i);
                QuantileNetwork network = network(o, head, memberLayout, own, o.batch());
                byte[] saved = ParameterLayout.of(network).read(data);
                network.loadParameters(own, new DataInputStream(new ByteArrayInputStream(saved)));
                head.readParameters(own, data);
                network.freezeParameters(true);
                probe(network, own, memberLayout);
                members.add(new Member(network, head, own, memberLayout));
            }
            return new NeuralModel(spec, o, layout, manager, members, counts, summary);
        } catch (IOException e) {
            manager.close();
            throw e;
        } catch (MalformedModelException | RuntimeException e) {
            manager.close();
            throw new IOException("the saved parameters do not fit this model: " + e.getMessage(), e);
        }
    }

    /**
     * Loading parameters does not check them against the layers' input sizes; one forward pass on
     * zeros does, so a model saved by another layout is refused here rather than at the first query.
     */
    private static void probe(QuantileNetwork network, NDManager manager, WindowLayout layout) {
        try (NDManager probe = manager.newSubManager()) {
            network.forward(new ParameterStore(probe, false), new NDList(
                    probe.zeros(new Shape(1, layout.context(), WindowLayout.CONTEXT_FEATURES)),
                    probe.zeros(new Shape(1, layout.extraFeatures()))), false);
        }
    }

    private static QuantileNetwork network(NeuralOptions o, Head head, WindowLayout layout, NDManager manager,
                                           int batch) {
        Head.Outputs outputs = head.outputs(o.horizon());
        QuantileNetwork network = new QuantileNetwork(o.encoder(), o.hidden(), o.layers(), outputs.steps(),
                outputs.width());
        network.initialize(manager, DataType.FLOAT32, new Shape(batch, layout.context(), WindowLayout.CONTEXT_FEATURES),
                new Shape(batch, layout.extraFeatures()));
        return network;
    }

    /**
     * One training run of one member. With a validation slice, the best epoch's parameters are kept
     * and the learning rate halves after each plateau; without one ({@code replay} given: the
     * schedule a validated run chose), it runs {@code o.epochs()} epochs, halving where that run did,
     * and keeps the last parameters. It first waits until no other training in this JVM is under
     * way ({@link TrainingLock}: the engine's gradient collection and random generator are shared).
     */
    private static Run train(Engine engine, NeuralOptions o, Head head, WindowSampler windows, NDManager parent,
                             FitContext context, int seriesCount, long fitStart, List<Integer> replay) {
        try (TrainingLock.Held held = TrainingLock.acquire(context)) {
            return trainAlone(engine, o, head, windows, parent, context, seriesCount, fitStart, replay);
        }
    }

    /** {@link #train} while this run is the only one using the engine's training state ({@link TrainingLock}). */
    private static Run trainAlone(Engine engine, NeuralOptions o, Head head, WindowSampler windows,
                                  NDManager parent, FitContext context, int seriesCount, long fitStart,
                                  List<Integer> replay) {
        engine.setRandomSeed((int) o.seed());
        NDManager manager = parent.newSubManager();
        try {
            QuantileNetwork network = network(o, head, windows.layout(), manager, o.batch());
            SplittableRandom random = new SplittableRandom(o.seed());
            PlateauRate rate = new PlateauRate(o.learningRate());
            Optimizer adam = Optimizer.adam().optLearningRateTracker(rate).optClipGrad(CLIP).build();
            ParameterStore store = new ParameterStore(manager, false);
            Batch validation = replay == null && windows.hasValidation() ? windows.validation() : null;
            double best = Double.POSITIVE_INFINITY;
            byte[] bestParameters = null;
            int bestEpoch = 0;
            int sinceBest = 0;
            int epoch = 0;
            double lastTrain = Double.NaN;
            String stop = "completed";
            boolean warm = false;
            List<Integer> halvings = new ArrayList<>();
            try (BatchPrefetcher batches = new BatchPrefetcher(windows, random, o.batch())) {
                while (epoch < o.epochs()) {
                    epoch++;
                    double sum = 0;
                    for (int step = 0; step < NeuralOptions.STEPS_PER_EPOCH; step++) {
                        context.checkCancelled();
                        Batch b = batches.next();
                        float loss;
                        if (!warm) {
                            // Adam creates its moment arrays on the first update: outside any scope, so they live on
                            prepare(network, head, b, manager, store, windows.layout());
                            loss = step(network, head, b, manager, store, adam, windows.layout());
                            warm = true;
                        } else {
                            try (NDScope scope = new NDScope()) {
                                loss = step(network, head, b, manager, store, adam, windows.layout());
                            }
                        }
                        if (!Float.isFinite(loss)) {
                            throw notFinite(context.modelName(), epoch, rate.value());
                        }
                        sum += loss;
                    }
                    lastTrain = sum / NeuralOptions.STEPS_PER_EPOCH;
                    double score = validation == null ? lastTrain : evaluate(network, head, validation, manager,
                            windows.layout());
                    if (!Double.isFinite(score)) {
                        throw notFinite(context.modelName(), epoch, rate.value());
                    }
                    long elapsed = (System.nanoTime() - fitStart) / 1_000_000;
                    context.reporter().epoch(new Reporter.EpochReport(context.modelName(), epoch, o.epochs(), lastTrain,
                            validation == null ? Double.NaN : score, elapsed));
                    if (replay != null) {
                        if (replay.contains(epoch)) {
                            rate.halve();
                        }
                        bestEpoch = epoch;
                    } else if (score < best) {
                        best = score;
                        bestEpoch = epoch;
                        bestParameters = snapshot(network, head);
                        sinceBest = 0;
                    } else if (++sinceBest % PATIENCE == 0) {
                        rate.halve();
                        halvings.add(epoch);
                    }
                    if (replay == null && sinceBest >= 2 * PATIENCE) {
                        stop = "early stop";
                        break;
                    }
                    if (o.maxTime() != null && Duration.ofMillis(elapsed).compareTo(o.maxTime()) >= 0
                            && epoch < o.epochs()) {
                        stop = "max_time";
                        break;
                    }
                }
            }
            restore(network, head, bestParameters, manager);
            network.freezeParameters(true);
            TrainingSummary summary = new TrainingSummary(seriesCount, epoch, bestEpoch, lastTrain,
                    validation == null ? Double.NaN : best, elapsed(fitStart), stop);
            return new Run(new Member(network, head, manager, windows.layout()), summary, halvings);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static float step(QuantileNetwork network, Head head, Batch b, NDManager manager,
                              ParameterStore store, Optimizer adam, WindowLayout layout) {
        NDList inputs = inputs(b, manager, layout);
        NDArray target = manager.create(b.target(), new Shape(b.size(), layout.horizon()));
        NDArray mask = manager.create(b.mask(), new Shape(b.size(), layout.horizon()));
        float value;
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDArray raw = network.forward(store, inputs, true).head();
            NDArray loss = head.loss(raw, target, mask, floor(b, manager));
            collector.backward(loss);
            value = loss.getFloat();
        }
        for (Pair<String, Parameter> p : network.getParameters()) {
            NDArray weight = p.getValue().getArray();
            try (NDArray gradient = weight.getGradient()) {
                adam.update(p.getValue().getId(), weight, gradient);
            }
        }
        List<NDArray> own = head.parameters();
        for (int i = 0; i < own.size(); i++) {
            NDArray weight = own.get(i);
            try (NDArray gradient = weight.getGradient()) {
                adam.update("head." + i, weight, gradient);
            }
        }
        return value;
    }

    /** Lets the head set itself up from the first batch (e.g. data-dependent normalisation). */
    private static void prepare(QuantileNetwork network, Head head, Batch b, NDManager manager,
                                ParameterStore store, WindowLayout layout) {
        NDList inputs = inputs(b, manager, layout);
        NDArray target = manager.create(b.target(), new Shape(b.size(), layout.horizon()));
        NDArray mask = manager.create(b.mask(), new Shape(b.size(), layout.horizon()));
        head.prepare(network.forward(store, inputs, false).head(), target, mask);
    }

    private static double evaluate(QuantileNetwork network, Head head, Batch b, NDManager manager,
                                   WindowLayout layout) {
        try (NDScope scope = new NDScope()) {
            NDList inputs = inputs(b, manager, layout);
            NDArray target = manager.create(b.target(), new Shape(b.size(), layout.horizon()));
            NDArray mask = manager.create(b.mask(), new Shape(b.size(), layout.horizon()));
            NDArray raw = network.forward(new ParameterStore(manager, false), inputs, false).head();
            return head.validationLoss(raw, target, mask, floor(b, manager)).getFloat();
        }
    }

    /**
     * A step's input tensors wrap the batch arrays without copying; that is safe because they stay
     * open until the step's scope closes, after the backward pass (see {@link Tensors#owned}).
     */
    private static NDList inputs(Batch b, NDManager manager, WindowLayout layout) {
        NDArray x = manager.create(b.context(), new Shape(b.size(), layout.context(), WindowLayout.CONTEXT_FEATURES));
        NDArray e = manager.create(b.extras(), new Shape(b.size(), layout.extraFeatures()));
        return new NDList(x, e);
    }

    /** The windows' floors as a (batch, 1) tensor ((batch, horizon) with trends), or null when answers are not floored. */
    private static NDArray floor(Batch b, NDManager manager) {
        return b.floor() == null ? null : manager.create(b.floor(), new Shape(b.size(), b.floor().length / b.size()));
    }

    static void writeMember(Member member, DataOutputStream out) throws IOException {
        member.network().saveParameters(out);
        member.head().writeParameters(out);
    }

    private static byte[] snapshot(QuantileNetwork network, Head head) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            network.saveParameters(out);
            head.writeParameters(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restore(QuantileNetwork network, Head head, byte[] parameters, NDManager manager) {
        if (parameters == null) {
            return;
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters));
            network.loadParameters(manager, in);
            head.readParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("could not restore the best epoch's parameters", e);
        }
    }

    private static QflException notFinite(String model, int epoch, float rate) {
        return new QflException(TensorEngine.NOT_FINITE, "training " + model + " stopped in epoch " + epoch
                + ": the loss is no longer a number (NaN or infinite)", null,
                "the learning rate (now " + rate + ") is probably too high; try lr: " + (rate / 10)
                        + ", or look for extreme values in the data", null);
    }
}
