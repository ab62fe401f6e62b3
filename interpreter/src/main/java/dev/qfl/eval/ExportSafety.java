package dev.qfl.eval;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Statement;
import dev.qfl.check.Constants;
import dev.qfl.check.Scope;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.stdlib.QflException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What an export must not do by accident: replace a data file this session has read
 * ({@code export q to "data/retail.csv"} would destroy the script's own input). The user can say
 * so explicitly with {@code overwrite: true}.
 */
final class ExportSafety {
    private ExportSafety() {
    }

    /** Whether the export statement sets the boolean option {@code name} to true. */
    static boolean flag(Statement.Export e, String name, Scope scope) {
        for (Expr.Argument o : e.options()) {
            if (o.name().name().equals(name)) {
                return Boolean.TRUE.equals(Constants.fold(o.value(), scope).orElse(null));
            }
        }
        return false;
    }

    /**
     * Refuses {@code target} when it is one of {@code dataFiles} (compared as files, so
     * {@code ./data/../data/x.csv} and links to it count).
     */
    static void refuseDataFile(Path target, String asWritten, List<Path> dataFiles) {
        for (Path data : dataFiles) {
            if (sameFile(target, data)) {
                throw new QflException(DiagnosticCode.OVERWRITES_DATA, "export would overwrite \"" + asWritten
                        + "\", a data file this session read", null,
                        "export to another file, or add overwrite: true to replace it", null);
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
