package dev.qfl.stdlib.neural;


/**
 * A batch of windows as flat float arrays, ready to become tensors.
 *
 * @param size     windows in the batch
 * @param context  size × contextLength × contextFeatures: normalised value, observed flag
 * @param extras   size × extraFeatures: per forecast step its calendar and seasonal lags, then the
 *                 window's age and where zero lies (see {@link WindowLayout})
 * @param target   size × horizon normalised outcomes (zeros for inference batches)
 * @param mask     size × horizon: 1 where the outcome was observed and counts in the loss
 * @param location size locations (subtracted before dividing by the scale); doubles, like the data, so
 *                 series at 1e300 or 1e-300 keep their scale (as floats they overflowed or vanished)
 * @param scale    size scales: y = location + scale · normalised value
 * @param floor    floors in normalised units (where zero lies), or null when answers are not floored:
 *                 size of them, or size × horizon when windows have a trend ({@code shift})
 * @param shift    size × horizon: each step's trend in normalised units, taken out of the target
 *                 and put back into the forecast (y = location + scale · (shift + value)), or null
 *                 when windows are centred without a trend
 */
record Batch(int size, float[] context, float[] extras, float[] target, float[] mask, double[] location,
             double[] scale, float[] floor, float[] shift) {

    /** Step {@code h}'s location of window {@code w} in the data's units (its trend included). */
    double stepLocation(int w, int h, int horizon) {
        return shift == null ? location[w] : location[w] + scale[w] * shift[w * horizon + h];
    }
}
