package dev.qfl.eval;

import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.table.Table;

/**
 * Where a running input's results go, as each statement produces them. The evaluator defines it
 * and the surfaces implement it (the embedding API turns each call into an {@code Output}), so
 * the evaluator never depends on the layers above it.
 */
public interface OutputSink {
    /**
     * A result table (an expression statement's answer).
     *
     * @param label the statement as canonical source text, e.g. {@code quantile(demand, 0.94) using naive}
     */
    void table(String label, Table table);

    /** A line of information, e.g. a fit summary or "wrote out/plan.csv (98 rows)". */
    void message(String text);

    /** A warning that does not stop the input, e.g. a series left out as too short. */
    void warning(Diagnostic warning);
}
