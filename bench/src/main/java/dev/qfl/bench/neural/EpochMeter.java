package dev.qfl.bench.neural;

import dev.qfl.bench.ProcessMemory;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.neural.NeuralTraining;
import java.util.ArrayList;
import java.util.List;

/** For the benchmarks: records each epoch's wall time and the process's resident memory after it. */
final class EpochMeter implements Reporter {
    private final List<Double> seconds = new ArrayList<>();
    private final List<Long> rssMb = new ArrayList<>();
    private long last;

    @Override
    public void info(String message) {
    }

    @Override
    public void warn(String message) {
    }

    @Override
    public void epoch(EpochReport report) {
        seconds.add((report.elapsedMillis() - last) / 1000.0);
        last = report.elapsedMillis();
        rssMb.add(ProcessMemory.rssMb());
    }

    /** Training steps a second in steady state: the first epoch includes warm-up (JIT, allocator). */
    double stepsPerSecond() {
        double steady = seconds.stream().skip(1).mapToDouble(Double::doubleValue).sum() / Math.max(1, seconds.size() - 1);
        return NeuralTraining.STEPS_PER_EPOCH / steady;
    }

    /** Resident memory after each epoch, space-separated, in MB. */
    String rssByEpoch() {
        return String.join(" ", rssMb.stream().map(String::valueOf).toList());
    }
}
