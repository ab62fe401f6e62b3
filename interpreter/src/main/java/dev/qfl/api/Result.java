package dev.qfl.api;

import dev.qfl.stdlib.table.Table;
import java.util.List;
import java.util.Optional;

/**
 * Everything one {@link QflSession#evaluate} call produced, in order.
 *
 * @param outputs tables, messages and warnings, as the statements produced them
 */
public record Result(List<Output> outputs) {
    public Result {
        outputs = List.copyOf(outputs);
    }

    /** The result tables, in order. */
    public List<Table> tables() {
        return outputs.stream().filter(o -> o instanceof Output.TableOutput)
                .map(o -> ((Output.TableOutput) o).table()).toList();
    }

    /** The last result table, if any statement produced one. */
    public Optional<Table> lastTable() {
        List<Table> all = tables();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Warnings raised while running (short series left out, ...). */
    public List<dev.qfl.diag.Diagnostic> warnings() {
        return outputs.stream().filter(o -> o instanceof Output.Warning)
                .map(o -> ((Output.Warning) o).diagnostic()).toList();
    }
}
