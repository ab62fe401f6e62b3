package dev.qfl.eval;

import dev.qfl.check.Symbol;
import dev.qfl.stdlib.data.CsvLoader;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.Fill;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Turns a checked {@code series} declaration into a loaded panel. */
final class DataLoading {
    private DataLoading() {
    }

    /** A loaded panel and the one-line notes to show about it. */
    record Loaded(Panel panel, List<String> notes) {
    }

    static Loaded load(Symbol.SeriesSymbol symbol, Path file) {
        var loaded = new CsvLoader().load(symbol.name(), file, options(symbol.options()));
        return new Loaded(loaded.panel(), loaded.notes());
    }

    static CsvOptions options(Map<String, Object> o) {
        Fill fill = null;
        Object f = o.get("fill");
        if ("previous".equals(f)) {
            fill = new Fill.Previous();
        } else if (f instanceof Double d) {
            fill = new Fill.Constant(d);
        }
        Support support = o.get("support") == null ? null
                : "real".equals(o.get("support")) ? Support.REAL : Support.NONNEGATIVE;
        Frequency freq = o.get("freq") == null ? null : Frequency.fromKeyword((String) o.get("freq")).orElseThrow();
        String u = (String) o.get("until");
        java.time.LocalDateTime until = u == null ? null : CsvOptions.parseUntil(u).orElseThrow();   // checked before running
        return new CsvOptions((String) o.get("time"), (String) o.get("value"), (String) o.get("id"), freq, fill, support,
                until);
    }
}
