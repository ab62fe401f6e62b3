package dev.qfl.api;

import dev.qfl.diag.Diagnostic;
import dev.qfl.eval.OutputSink;
import dev.qfl.stdlib.table.Table;
import java.util.function.Consumer;

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

    /** The evaluator's sink that hands each result to {@code consumer} as an {@code Output}. */
    static OutputSink into(Consumer<? super Output> consumer) {
        return new OutputSink() {
            @Override
            public void table(String label, Table table) {
                consumer.accept(new TableOutput(label, table));
            }

            @Override
            public void message(String text) {
                consumer.accept(new Message(text));
            }

            @Override
            public void warning(Diagnostic warning) {
                consumer.accept(new Warning(warning));
            }
        };
    }
}
