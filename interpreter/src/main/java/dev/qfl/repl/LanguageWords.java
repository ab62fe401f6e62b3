package dev.qfl.repl;

import dev.qfl.check.QueryKind;
import dev.qfl.check.SeriesSources;
import dev.qfl.grammar.QflLexer;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.OptionSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed words of QFL that completion and highlighting know: keywords (read from the lexer's
 * vocabulary, so a new keyword needs no change here), query functions, data sources, and the
 * model kinds of the engine with their options.
 */
public final class LanguageWords {
    /** The function that reads a saved model: {@code model m = load("file")}. */
    static final String LOAD = "load";
    /** The function that combines declared models: {@code model e = ensemble(m1, m2)}. */
    static final String ENSEMBLE = dev.qfl.stdlib.models.combine.EnsembleKind.NAME;

    private static final Set<String> KEYWORDS = readKeywords();
    private final ModelRegistry models;
    /** {@link #functions()} as a set: the highlighter asks about every identifier on every redraw. */
    private final Set<String> functionWords;

    public LanguageWords(ModelRegistry models) {
        this.models = models;
        this.functionWords = Set.copyOf(functions());
    }

    private static Set<String> readKeywords() {
        Set<String> out = new LinkedHashSet<>();
        for (int type = 1; type <= QflLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = QflLexer.VOCABULARY.getLiteralName(type);
            if (literal != null && literal.matches("'[a-z_]+'")) {
                out.add(literal.substring(1, literal.length() - 1));
            }
        }
        return Set.copyOf(out);
    }

    /** Whether a token type is a keyword (a word the lexer reserves). */
    public static boolean isKeyword(int tokenType) {
        String literal = QflLexer.VOCABULARY.getLiteralName(tokenType);
        return literal != null && KEYWORDS.contains(literal.substring(1, literal.length() - 1));
    }

    public static List<String> keywords() {
        return KEYWORDS.stream().sorted().toList();
    }

    /** Query functions, plot functions included. */
    public static List<String> queryFunctions() {
        return Arrays.stream(QueryKind.values()).map(QueryKind::function).distinct().toList();
    }

    public List<String> modelKinds() {
        return models.all().stream().map(ModelKind::name).toList();
    }

    /** Every function-like word: queries, data sources, {@code load} and model kinds. */
    public List<String> functions() {
        List<String> out = new ArrayList<>(queryFunctions());
        out.addAll(SeriesSources.ALL);
        out.add(LOAD);
        out.add(ENSEMBLE);
        out.addAll(modelKinds());
        return out;
    }

    public boolean isFunction(String word) {
        return functionWords.contains(word);
    }

    /** The options of a model kind or of a data source ({@code csv}, {@code sql}, {@code parquet}), when {@code callee} is one. */
    public Optional<List<OptionSpec>> optionsOf(String callee) {
        if (SeriesSources.CSV.equals(callee)) {
            return Optional.of(SeriesSources.CSV_OPTIONS);
        }
        if (SeriesSources.SQL.equals(callee)) {
            return Optional.of(SeriesSources.SQL_OPTIONS);
        }
        if (SeriesSources.PARQUET.equals(callee)) {
            return Optional.of(SeriesSources.PARQUET_OPTIONS);
        }
        return models.find(callee).map(ModelKind::options);
    }

    public Optional<ModelKind> kind(String name) {
        return models.find(name);
    }
}
