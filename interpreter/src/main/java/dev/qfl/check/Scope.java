package dev.qfl.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names visible to a script: an immutable snapshot. A session keeps the scope of everything
 * run so far and checks each new input against it.
 */
public final class Scope {
    private static final Scope EMPTY = new Scope(Map.of());
    private final Map<String, Symbol> symbols;

    private Scope(Map<String, Symbol> symbols) {
        this.symbols = symbols;
    }

    public static Scope empty() {
        return EMPTY;
    }

    public Optional<Symbol> lookup(String name) {
        return Optional.ofNullable(symbols.get(name));
    }

    /** A scope with {@code symbol} added, replacing any symbol of the same name. */
    public Scope with(Symbol symbol) {
        Map<String, Symbol> copy = new LinkedHashMap<>(symbols);
        copy.remove(symbol.name());
        copy.put(symbol.name(), symbol);
        return new Scope(Collections.unmodifiableMap(copy));
    }

    /** All symbols in declaration order. */
    public List<Symbol> symbols() {
        return List.copyOf(symbols.values());
    }

    /** Models declared on the named series, in declaration order. */
    public List<Symbol.ModelSymbol> modelsOn(String series) {
        return symbols.values().stream()
                .filter(s -> s instanceof Symbol.ModelSymbol m && series.equals(m.series()))
                .map(s -> (Symbol.ModelSymbol) s).toList();
    }
}
