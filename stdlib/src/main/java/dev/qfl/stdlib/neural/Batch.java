package dev.qfl.stdlib.neural;


/**
 * A batch of windows as flat float arrays, ready to become tensors.
 *
 * @param size    windows in the batch
 * @param context size × contextLength × contextFeatures: scaled value, observed flag, calendar
 * @param extras  size × extraFeatures: calendar of each forecast step, log scale, series age
 * @param target  size × horizon scaled outcomes (zeros for inference batches)
 * @param mask    size × horizon: 1 where the outcome was observed and counts in the loss
 * @param scale   size scales (divide to scale, multiply to rescale)
 */
record Batch(int size, float[] context, float[] extras, float[] target, float[] mask, float[] scale) {
}
