package dev.qfl.stdlib.neural;

import ai.djl.ndarray.NDManager;

/** For tensor tests: a manager on the CPU, the engine started the way QFL starts it (offline, one thread). */
public final class CpuTensors {
    private CpuTensors() {
    }

    public static NDManager manager() {
        return NDManager.newBaseManager(TensorEngine.device(TensorEngine.start(), "cpu"));
    }
}
