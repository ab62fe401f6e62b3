package dev.qfl.diag;

import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.QflException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Converting library errors into diagnostics, and collecting diagnostics during a pass. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic d) {
        items.add(d);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> all() {
        return List.copyOf(items);
    }

    /**
     * A library error as a diagnostic: positioned in the data file when the library knows where,
     * otherwise at the script statement that triggered it.
     *
     * @param baseDir the folder data paths are shown relative to
     */
    public static Diagnostic fromLibrary(QflException e, SourceFile script, Span statement, Path baseDir) {
        List<String> hints = e.hint().map(List::of).orElse(List.of());
        if (e.position().isPresent()) {
            FilePosition p = e.position().get();
            String name = display(p.file(), baseDir);
            Span span = p.line() > 0 ? new Span(0, 1, p.line(), Math.max(1, p.column())) : null;
            return new Diagnostic(e.code(), Severity.ERROR, name, span, span == null ? null : p.text(), e.getMessage(), hints);
        }
        String line = statement == null ? null : script.line(statement.line());
        return new Diagnostic(e.code(), Severity.ERROR, script.name(), statement, line, e.getMessage(), hints);
    }

    /** A path as short as is still clear: relative to the script folder when inside it. */
    public static String display(Path file, Path baseDir) {
        if (baseDir != null) {
            Path abs = file.toAbsolutePath().normalize();
            Path base = baseDir.toAbsolutePath().normalize();
            if (abs.startsWith(base)) {
                return base.relativize(abs).toString();
            }
        }
        return file.toString();
    }
}
