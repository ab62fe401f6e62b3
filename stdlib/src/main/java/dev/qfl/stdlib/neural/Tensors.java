package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Creating tensors from Java arrays. */
final class Tensors {
    private Tensors() {
    }

    /**
     * A tensor that owns a copy of {@code data} in engine memory. On the CPU, DJL's plain
     * {@code create} wraps a direct buffer without copying, and the tensor lives only as long as
     * that wrapper; constants kept across many steps (see {@link ConstantCache}) are cloned into
     * memory the engine manages, and the wrapper is released at once.
     */
    static NDArray owned(NDManager manager, float[] data, Shape shape) {
        try (NDArray wrapped = manager.create(data, shape)) {
            return wrapped.duplicate();
        }
    }
}
