package dev.qfl.stdlib.model.store;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.neural.IqfKind;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A separate process for the crash tests: {@code train DIR} trains a long-running model and would
 * cache it at the end; {@code rewrite DIR} trains a tiny one and then rewrites its cache entry in a
 * loop, saying "written" each time. The test kills it at an arbitrary moment.
 */
public final class StoreWriterMain {
    private StoreWriterMain() {
    }

    static Panel panel() {
        double[] v = new double[120];
        for (int t = 0; t < v.length; t++) {
            v[t] = 20 + 5 * Math.sin(t * 2 * Math.PI / 7) + (t * 7 % 5);
        }
        return new Panel("p", Frequency.DAY, List.of(TimeSeries.of("a", Frequency.DAY,
                LocalDateTime.of(2024, 1, 1, 0, 0), v)), Support.NONNEGATIVE, "fp-crash", "test");
    }

    static ModelSpec spec(int epochs) {
        return new IqfKind().resolve(Map.of("horizon", 7, "epochs", epochs, "batch", 16, "hidden", 8, "knots", 5),
                Frequency.DAY);
    }

    public static void main(String[] args) throws Exception {
        ModelStore store = new ModelStore(Path.of(args[1]));
        Panel panel = panel();
        if (args[0].equals("train")) {
            System.out.println("training");
            System.out.flush();
            TrainedModel m = new IqfKind().fit(panel, spec(100_000), FitContext.silent("slow"));
            store.store(m, panel.fingerprint(), Reporter.silent());
            return;
        }
        TrainedModel m = new IqfKind().fit(panel, spec(1), FitContext.silent("quick"));
        Path file = store.entry(m.spec(), panel.fingerprint());
        while (true) {
            ModelStore.write(file, m, panel.fingerprint());
            System.out.println("written");
            System.out.flush();
        }
    }
}
