package dev.qfl.api;

import dev.qfl.stdlib.table.Table;

/** Something a statement produced for the user, delivered as statements run. */
public sealed interface Output {

    /**
     * A result table (an expression statement's answer).
     *
     * @param label the statement as canonical source text, e.g. {@code quantile(demand, 0.94) using naive}
     * @param table the rows
     */
    record TableOutput(String label, Table table) implements Output {
    }

    /** A line of information, e.g. a fit summary or "wrote out/plan.csv (98 rows)". */
    record Message(String text) implements Output {
    }

    /** A warning that does not stop the script, e.g. a series left out as too short. */
    record Warning(dev.qfl.diag.Diagnostic diagnostic) implements Output {
    }
}
