package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Creating tensors from Java arrays. */
final class Tensors {
    private Tensors() {
    }

    /**
     * A tensor that owns a copy of {@code data}. On the CPU, DJL's plain {@code create} wraps a
     * direct buffer without copying; a tensor that autograd keeps for the backward pass must not
     * depend on that buffer's lifetime, so the wrapper is cloned into engine-owned memory and
     * released at once.
     */
    static NDArray owned(NDManager manager, float[] data, Shape shape) {
        try (NDArray wrapped = manager.create(data, shape)) {
            return wrapped.duplicate();
        }
    }
}
