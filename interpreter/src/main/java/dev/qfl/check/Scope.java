package dev.qfl.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names visible to a script: an immutable snapshot. A session keeps the scope of everything
 * run so far and checks each new input against it.
 *
 * <p>Checking and running a script derive one scope per declaration from the one before, so
 * copying every name each time made a script of n declarations cost n² (a 1 MB script of lets took
 * minutes). Snapshots therefore share one append-only log of declarations: a scope is the log's
 * first {@code size} entries. Deriving from the newest snapshot appends in place; deriving from an
 * older one (a REPL input that failed, then another) copies just that prefix into a log of its own.
 */
public final class Scope {
    private static final Scope EMPTY = new Scope(new Log(), 0);

    /** Declarations in order, and for each name the positions where it was (re)declared. */
    private static final class Log {
        private final List<Symbol> entries = new ArrayList<>();
        private final Map<String, List<Integer>> positions = new HashMap<>();

        void append(Symbol symbol) {
            positions.computeIfAbsent(symbol.name(), k -> new ArrayList<>(1)).add(entries.size());
            entries.add(symbol);
        }
    }

    private final Log log;
    private final int size;

    private Scope(Log log, int size) {
        this.log = log;
        this.size = size;
    }

    public static Scope empty() {
        return EMPTY;
    }

    public Optional<Symbol> lookup(String name) {
        synchronized (log) {
            int at = visible(name);
            return at < 0 ? Optional.empty() : Optional.of(log.entries.get(at));
        }
    }

    /** The position of the declaration of {@code name} this scope sees, or -1. Caller holds the log. */
    private int visible(String name) {
        List<Integer> at = log.positions.get(name);
        if (at == null) {
            return -1;
        }
        for (int i = at.size() - 1; i >= 0; i--) {
            if (at.get(i) < size) {
                return at.get(i);
            }
        }
        return -1;
    }

    /** A scope with {@code symbol} added, replacing any symbol of the same name. */
    public Scope with(Symbol symbol) {
        synchronized (log) {
            if (size == log.entries.size() && this != EMPTY) {
                log.append(symbol);
                return new Scope(log, size + 1);
            }
        }
        Log copy = new Log();
        synchronized (log) {
            for (int i = 0; i < size; i++) {
                copy.append(log.entries.get(i));
            }
        }
        copy.append(symbol);
        return new Scope(copy, size + 1);
    }

    /** All symbols in declaration order (a redeclared name at its latest place). */
    public List<Symbol> symbols() {
        List<Symbol> out = new ArrayList<>();
        synchronized (log) {
            for (int i = 0; i < size; i++) {
                Symbol s = log.entries.get(i);
                if (visible(s.name()) == i) {
                    out.add(s);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Models declared on the named series, in declaration order. */
    public List<Symbol.ModelSymbol> modelsOn(String series) {
        return symbols().stream()
                .filter(s -> s instanceof Symbol.ModelSymbol m && series.equals(m.series()))
                .map(s -> (Symbol.ModelSymbol) s).toList();
    }
}
