package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Constant tensors for a head's loss, made once per manager. DJL implements {@code x.mul(3.0)},
 * {@code div}, {@code pow}, {@code maximum} and {@code minimum} with a number by wrapping the
 * number in a temporary tensor that it frees right after the operation, while autograd keeps that
 * operand for the backward pass: the backward pass would then read freed memory (seen as garbage
 * gradients and NaN losses). Losses multiply by tensors from here instead; they live as long as the
 * manager. Owned by one head, which one fit uses at a time.
 */
final class ConstantCache {
    private final Map<NDManager, Map<String, NDArray>> byManager = new WeakHashMap<>();

    /** The scalar {@code value}. */
    NDArray scalar(NDManager m, double value) {
        return get(m, "s" + value, () -> new float[] {(float) value}, new Shape());
    }

    /** A constant vector, named by {@code key} (made on first use only). */
    NDArray vector(NDManager m, String key, Supplier<float[]> values) {
        return get(m, key, values, null);
    }

    private NDArray get(NDManager m, String key, Supplier<float[]> values, Shape shape) {
        return byManager.computeIfAbsent(m, x -> new HashMap<>()).computeIfAbsent(key, x -> {
            float[] v = values.get();
            NDArray c = Tensors.owned(m, v, shape == null ? new Shape(v.length) : shape);
            // it may first be made inside a step's scope; the scope must not close what the cache holds
            NDScope.unregister(c);
            return c;
        });
    }
}
