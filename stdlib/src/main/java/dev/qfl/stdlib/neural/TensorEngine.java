package dev.qfl.stdlib.neural;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.diag.DiagnosticCode;

/**
 * Starting the tensor engine the way QFL needs it: offline (nothing is ever downloaded at run
 * time), one intra-op thread (small models on few cores lose badly to thread oversubscription),
 * and on a GPU only when the loaded native library has one.
 */
final class TensorEngine {
    /** Codes of the training errors. */
    static final DiagnosticCode NOT_FINITE = DiagnosticCode.LOSS_NOT_FINITE;
    static final DiagnosticCode NO_GPU = DiagnosticCode.NO_GPU;
    static final DiagnosticCode NO_DATA = DiagnosticCode.NO_TRAINING_WINDOW;

    private TensorEngine() {
    }

    static Engine start() {
        // Defaults only: an embedding application that configured DJL keeps its settings.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        try {
            return Engine.getEngine("PyTorch");
        } catch (RuntimeException e) {
            throw new QflException(DiagnosticCode.ENGINE_FAILED, "the tensor engine (PyTorch through DJL) could not start: " + e.getMessage(),
                    null, "the native library comes with the build; rebuild with ./qfl or mvn -B verify", e);
        }
    }

    /** The device for {@code auto}, {@code cpu} or {@code gpu}. */
    static Device device(Engine engine, String choice) {
        boolean gpu = engine.getGpuCount() > 0;
        return switch (choice) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (!gpu) {
                    throw new QflException(NO_GPU, "device: gpu was asked for, but this build of the tensor engine sees "
                            + "no GPU", null, "use device: auto or cpu, or build with the CUDA natives (README, GPU)", null);
                }
                yield Device.gpu();
            }
            default -> gpu ? Device.gpu() : Device.cpu();
        };
    }
}
