package dev.qfl.stdlib.model;

import dev.qfl.stdlib.models.arima.ArimaKind;
import dev.qfl.stdlib.models.combine.AutoKind;
import dev.qfl.stdlib.models.ets.EtsKind;
import dev.qfl.stdlib.models.naive.SeasonalNaiveKind;
import dev.qfl.stdlib.models.theta.ThetaKind;
import dev.qfl.stdlib.neural.GaussianKind;
import dev.qfl.stdlib.neural.IqfKind;
import dev.qfl.stdlib.neural.Mqf2Kind;
import dev.qfl.stdlib.neural.QuantregKind;
import dev.qfl.stdlib.neural.SqfKind;
import java.util.ArrayList;
import java.util.List;

/** The model kinds that ship with QFL, in the order help lists them. */
final class StandardModels {
    private StandardModels() {
    }

    static List<ModelKind> all() {
        List<ModelKind> base = List.of(new SeasonalNaiveKind(), new IqfKind(), new Mqf2Kind(), new QuantregKind(),
                new SqfKind(), new GaussianKind(), new EtsKind(), new ThetaKind(), new ArimaKind());
        List<ModelKind> all = new ArrayList<>(base);
        all.add(new AutoKind(base));
        return List.copyOf(all);
    }
}
