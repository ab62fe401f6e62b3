package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Encoder plus output layer. Inputs: the context window (batch, context, features) and the extra
 * features (batch, extras). Output: raw head values (batch, steps, width), the shape the head asks
 * for ({@link Head#outputs}): a row per horizon step for a univariate head, one context vector for
 * a joint head.
 *
 * <p>{@code mlp} flattens the window, appends the extras and applies {@code layers} ReLU layers,
 * plus a linear map of the same inputs straight to each step's first output (the location: iqf's
 * first knot, the normal mean): on normalised windows a linear function of the context is already
 * a strong forecaster (the last value, a drift, last season's value), which the skip learns in few
 * steps while the MLP learns the rest. Only the location, because a skip to every output tripled
 * the matrix work of a step.
 * {@code lstm} runs an LSTM over the window, takes its last state, appends the extras and applies
 * one ReLU layer. Both end in one linear layer to all horizon steps at once (a direct multi-horizon
 * forecaster: no autoregressive feedback, so errors do not accumulate).
 */
final class QuantileNetwork extends AbstractBlock {
    private static final byte VERSION = 2;

    private final boolean recurrent;
    private final int steps;
    private final int width;
    private final Block encoder;
    private final Block trunk;
    /** mlp only: a linear map from the same inputs straight to the outputs, added to the MLP's. */
    private final Block skip;

    QuantileNetwork(String encoderKind, int hidden, int layers, int steps, int width) {
        super(VERSION);
        this.recurrent = encoderKind.equals("lstm");
        this.steps = steps;
        this.width = width;
        if (recurrent) {
            encoder = addChildBlock("encoder", LSTM.builder().setStateSize(hidden).setNumLayers(layers)
                    .optBatchFirst(true).build());
            trunk = addChildBlock("trunk", new SequentialBlock()
                    .add(Linear.builder().setUnits(hidden).build()).add(Activation::relu)
                    .add(Linear.builder().setUnits((long) steps * width).build()));
            skip = null;
        } else {
            SequentialBlock mlp = new SequentialBlock();
            for (int i = 0; i < layers; i++) {
                mlp.add(Linear.builder().setUnits(hidden).build()).add(Activation::relu);
            }
            mlp.add(Linear.builder().setUnits((long) steps * width).build());
            encoder = addChildBlock("encoder", mlp);
            skip = addChildBlock("skip", Linear.builder().setUnits(steps).optBias(false).build());
            trunk = null;
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray context = inputs.get(0);
        NDArray extras = inputs.get(1);
        long batch = context.getShape().get(0);
        NDArray out;
        if (recurrent) {
            NDArray states = encoder.forward(store, new NDList(context), training, params).head();
            NDArray last = states.get(":, -1, :");
            out = trunk.forward(store, new NDList(last.concat(extras, 1)), training, params).head();
        } else {
            NDArray flat = context.reshape(batch, -1).concat(extras, 1);
            NDArray deep = encoder.forward(store, new NDList(flat), training, params).head().reshape(batch, steps, width);
            NDArray linear = skip.forward(store, new NDList(flat), training, params).head().reshape(batch, steps, 1);
            NDArray first = deep.get("..., 0:1").add(linear);
            return new NDList(width == 1 ? first : first.concat(deep.get("..., 1:"), -1));
        }
        return new NDList(out.reshape(batch, steps, width));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), steps, width)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape context = inputShapes[0];
        Shape extras = inputShapes[1];
        if (recurrent) {
            encoder.initialize(manager, dataType, context);
            long hidden = encoder.getOutputShapes(new Shape[] {context})[0].get(2);
            trunk.initialize(manager, dataType, new Shape(context.get(0), hidden + extras.get(1)));
        } else {
            Shape flat = new Shape(context.get(0), context.get(1) * context.get(2) + extras.get(1));
            encoder.initialize(manager, dataType, flat);
            skip.initialize(manager, dataType, flat);
        }
    }
}
