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
import java.util.List;
import java.util.SplittableRandom;

/**
 * The training loop shared by the neural models: Adam with element-wise gradient clipping, a
 * held-out validation slice for early stopping and best-epoch selection, the learning rate halved
 * after a plateau, an optional wall-time bound, and a stop with a clear error when the loss stops
 * being a number. Every step's arrays live in an {@link NDScope}, so native memory stays flat.
 */
final class NeuralTrainer {
    /** Epochs without a better validation loss before the learning rate is halved. */
    static final int PATIENCE = 5;
    /** Element-wise gradient bound. */
    static final float CLIP = 10f;

    private NeuralTrainer() {
    }

    static NeuralModel fit(Panel panel, ModelSpec spec, QuantileHead head, FitContext context) {
        NeuralOptions o = NeuralOptions.from(spec);
        WindowSampler windows = new WindowSampler(panel, o.context(), o.horizon());
        if (windows.trainingWindows() == 0) {
            throw new QflException(TensorEngine.NO_DATA, "no series of " + panel.name() + " has the " + (o.horizon() + 1)
                    + " observations a training window of horizon " + o.horizon() + " needs", null,
                    "use a shorter horizon or more history", null);
        }
        Engine engine = TensorEngine.start();
        Device device = TensorEngine.device(engine, o.device());
        engine.setRandomSeed((int) o.seed());
        NDManager manager = NDManager.newBaseManager(device);
        try {
            QuantileNetwork network = build(o, head, windows, manager);
            TrainingSummary summary = train(network, head, windows, o, manager, context, panel.series().size());
            network.freezeParameters(true);
            return new NeuralModel(spec, o, head, manager, network, summary);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Rebuilds a trained network from saved parameters. */
    static NeuralModel load(ModelSpec spec, QuantileHead head, TrainingSummary summary, InputStream in)
            throws IOException {
        NeuralOptions o = NeuralOptions.from(spec);
        Frequency frequency = Frequency.fromKeyword(spec.stringOption("frequency"))
                .orElseThrow(() -> new IOException("the saved model names no known frequency"));
        int contextFeatures = WindowSampler.CONTEXT_FEATURES;
        int extraFeatures = WindowSampler.extraFeatures(frequency, o.horizon());
        Engine engine = TensorEngine.start();
        NDManager manager = NDManager.newBaseManager(TensorEngine.device(engine, o.device()));
        try {
            QuantileNetwork network = new QuantileNetwork(o.encoder(), o.hidden(), o.layers(),
                    head.networkSteps(o.horizon()), head.outputsPerStep());
            network.initialize(manager, DataType.FLOAT32, new Shape(1, o.context(), contextFeatures),
                    new Shape(1, extraFeatures));
            DataInputStream data = new DataInputStream(in);
            network.loadParameters(manager, data);
            head.readParameters(manager, data);
            network.freezeParameters(true);
            probe(network, manager, o, contextFeatures, extraFeatures);
            return new NeuralModel(spec, o, head, manager, network, summary);
        } catch (MalformedModelException | RuntimeException e) {
            manager.close();
            throw new IOException("the saved parameters do not fit this model: " + e.getMessage(), e);
        }
    }

    /**
     * Loading parameters does not check them against the layers' input sizes; one forward pass on
     * zeros does, so a model saved by another layout is refused here rather than at the first query.
     */
    private static void probe(QuantileNetwork network, NDManager manager, NeuralOptions o, int contextFeatures,
                              int extraFeatures) {
        try (NDManager probe = manager.newSubManager()) {
            network.forward(new ParameterStore(probe, false), new NDList(
                    probe.zeros(new Shape(1, o.context(), contextFeatures)), probe.zeros(new Shape(1, extraFeatures))),
                    false);
        }
    }

    private static QuantileNetwork build(NeuralOptions o, QuantileHead head, WindowSampler windows, NDManager manager) {
        QuantileNetwork network = new QuantileNetwork(o.encoder(), o.hidden(), o.layers(), head.networkSteps(o.horizon()),
                head.outputsPerStep());
        network.initialize(manager, DataType.FLOAT32, new Shape(o.batch(), o.context(), WindowSampler.CONTEXT_FEATURES),
                new Shape(o.batch(), windows.extraFeatures()));
        return network;
    }

    private static TrainingSummary train(QuantileNetwork network, QuantileHead head, WindowSampler windows,
                                         NeuralOptions o, NDManager manager, FitContext context, int seriesCount) {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(o.seed());
        PlateauRate rate = new PlateauRate(o.learningRate());
        Optimizer adam = Optimizer.adam().optLearningRateTracker(rate).optClipGrad(CLIP).build();
        ParameterStore store = new ParameterStore(manager, false);
        Batch validation = windows.hasValidation() ? windows.validation() : null;
        double best = Double.POSITIVE_INFINITY;
        byte[] bestParameters = null;
        int bestEpoch = 0;
        int sinceBest = 0;
        int epoch = 0;
        double lastTrain = Double.NaN;
        String stop = "completed";
        boolean warm = false;
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
                        prepare(network, head, b, o, manager, store, windows);
                        loss = step(network, head, b, o, manager, store, adam, windows);
                        warm = true;
                    } else {
                        try (NDScope scope = new NDScope()) {
                            loss = step(network, head, b, o, manager, store, adam, windows);
                        }
                    }
                    if (!Float.isFinite(loss)) {
                        throw notFinite(context.modelName(), epoch, rate.value());
                    }
                    sum += loss;
                }
                lastTrain = sum / NeuralOptions.STEPS_PER_EPOCH;
                double score = validation == null ? lastTrain : evaluate(network, head, validation, o, manager, windows);
                if (!Double.isFinite(score)) {
                    throw notFinite(context.modelName(), epoch, rate.value());
                }
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                context.reporter().epoch(new Reporter.EpochReport(context.modelName(), epoch, o.epochs(), lastTrain,
                        validation == null ? Double.NaN : score, elapsed));
                if (score < best) {
                    best = score;
                    bestEpoch = epoch;
                    bestParameters = snapshot(network, head);
                    sinceBest = 0;
                } else if (++sinceBest % PATIENCE == 0) {
                    rate.halve();
                }
                if (sinceBest >= 2 * PATIENCE) {
                    stop = "early stop";
                    break;
                }
                if (o.maxTime() != null && Duration.ofMillis(elapsed).compareTo(o.maxTime()) >= 0 && epoch < o.epochs()) {
                    stop = "max_time";
                    break;
                }
            }
        }
        restore(network, head, bestParameters, manager);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new TrainingSummary(seriesCount, epoch, bestEpoch, lastTrain, validation == null ? Double.NaN : best,
                took, stop);
    }

    private static float step(QuantileNetwork network, QuantileHead head, Batch b, NeuralOptions o, NDManager manager,
                              ParameterStore store, Optimizer adam, WindowSampler windows) {
        NDList inputs = inputs(b, o, manager, windows);
        NDArray target = manager.create(b.target(), new Shape(b.size(), o.horizon()));
        NDArray mask = manager.create(b.mask(), new Shape(b.size(), o.horizon()));
        float value;
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDArray raw = network.forward(store, inputs, true).head();
            NDArray loss = head.loss(raw, target, mask);
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
    private static void prepare(QuantileNetwork network, QuantileHead head, Batch b, NeuralOptions o, NDManager manager,
                                ParameterStore store, WindowSampler windows) {
        NDList inputs = inputs(b, o, manager, windows);
        NDArray target = manager.create(b.target(), new Shape(b.size(), o.horizon()));
        NDArray mask = manager.create(b.mask(), new Shape(b.size(), o.horizon()));
        head.prepare(network.forward(store, inputs, false).head(), target, mask);
    }

    private static double evaluate(QuantileNetwork network, QuantileHead head, Batch b, NeuralOptions o,
                                   NDManager manager, WindowSampler windows) {
        try (NDScope scope = new NDScope()) {
            NDList inputs = inputs(b, o, manager, windows);
            NDArray target = manager.create(b.target(), new Shape(b.size(), o.horizon()));
            NDArray mask = manager.create(b.mask(), new Shape(b.size(), o.horizon()));
            NDArray raw = network.forward(new ParameterStore(manager, false), inputs, false).head();
            return head.validationLoss(raw, target, mask).getFloat();
        }
    }

    /**
     * A step's input tensors wrap the batch arrays without copying; that is safe because they stay
     * open until the step's scope closes, after the backward pass (see {@link Tensors#owned}).
     */
    private static NDList inputs(Batch b, NeuralOptions o, NDManager manager, WindowSampler windows) {
        NDArray x = manager.create(b.context(), new Shape(b.size(), o.context(), WindowSampler.CONTEXT_FEATURES));
        NDArray e = manager.create(b.extras(), new Shape(b.size(), windows.extraFeatures()));
        return new NDList(x, e);
    }

    private static byte[] snapshot(QuantileNetwork network, QuantileHead head) {
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

    private static void restore(QuantileNetwork network, QuantileHead head, byte[] parameters, NDManager manager) {
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
