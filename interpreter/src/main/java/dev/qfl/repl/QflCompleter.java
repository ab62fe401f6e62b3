package dev.qfl.repl;

import dev.qfl.check.QueryKind;
import dev.qfl.check.SeriesSources;
import dev.qfl.grammar.QflLexer;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the REPL, by what fits where the cursor is: option names inside a model or
 * {@code csv(...)} call, an option's allowed words after {@code name:}, models after
 * {@code using} and {@code fit}, model kinds after {@code model m =}, columns after {@code where},
 * meta-commands after {@code :}, files in quotes and after {@code :load}; keywords, functions and
 * declared names otherwise. {@link #suggest} is the whole logic, free of JLine, for tests.
 */
public final class QflCompleter implements Completer {
    /**
     * One completion.
     *
     * @param value       the text that replaces the word being completed
     * @param display     what the menu shows
     * @param group       the menu heading (keyword, function, series, option, ...)
     * @param description a short explanation, or null
     * @param complete    whether a space follows on acceptance: after keywords, commands and script
     *                    names; not after names and functions (a bracket, comma or operator comes
     *                    next), {@code name: } or folders
     */
    public record Suggestion(String value, String display, String group, String description, boolean complete) {
    }

    private final LanguageWords words;
    private final Supplier<DeclaredNames> names;
    private final FileSuggestions files;

    public QflCompleter(LanguageWords words, Supplier<DeclaredNames> names, FileSuggestions files) {
        this.words = words;
        this.names = names;
        this.files = files;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (Suggestion s : suggest(line.line(), line.cursor())) {
            candidates.add(new Candidate(s.value(), s.display(), s.group(), s.description(), null, null, s.complete()));
        }
    }

    /** Where the word being completed starts: after a quote in a string, else at its first letter. */
    public static int wordStart(String line, int cursor) {
        String before = line.substring(0, cursor);
        String lead = before.stripLeading();
        int metaArg = lead.startsWith(":") ? lead.indexOf(' ') : -1;
        if (metaArg >= 0 && lead.startsWith(":load")) {
            return before.length() - lead.length() + metaArg + 1;
        }
        int quote = openQuote(before);
        if (quote >= 0) {
            return quote + 1;
        }
        int i = cursor;
        while (i > 0 && (Character.isLetterOrDigit(line.charAt(i - 1)) || line.charAt(i - 1) == '_')) {
            i--;
        }
        if (i > 0 && line.charAt(i - 1) == ':' && before.substring(0, i - 1).isBlank()) {
            i--;  // a meta-command's name includes its colon
        }
        return i;
    }

    /** The completions for the word that ends at {@code cursor}, filtered by what is typed. */
    public List<Suggestion> suggest(String line, int cursor) {
        int start = wordStart(line, cursor);
        String prefix = line.substring(start, cursor);
        String before = line.substring(0, start);
        List<Suggestion> all = before.stripLeading().startsWith(":") || prefix.startsWith(":")
                ? meta(before, prefix) : statement(before, prefix);
        Map<String, Suggestion> unique = new LinkedHashMap<>();
        for (Suggestion s : all) {
            if (s.value().startsWith(prefix)) {
                unique.putIfAbsent(s.value(), s);
            }
        }
        return List.copyOf(unique.values());
    }

    private List<Suggestion> meta(String before, String prefix) {
        String lead = before.stripLeading();
        if (lead.isEmpty()) {
            return MetaCommands.COMMANDS.stream()
                    .map(c -> new Suggestion(c.name(), c.name(), "command", c.help(), true)).toList();
        }
        String command = lead.split("\\s+", 2)[0];
        switch (command) {
            case ":load":
                return files.list(prefix, ".qfl", true);
            case ":describe": {
                List<Suggestion> out = new ArrayList<>(declared(names.get()));
                words.modelKinds().forEach(k -> out.add(new Suggestion(k, k, "model kind", null, false)));
                out.add(new Suggestion(SeriesSources.CSV, SeriesSources.CSV, "data source", null, false));
                return out;
            }
            case ":ast":
                return statement(lead.substring(command.length()), prefix);
            default:
                return List.of();
        }
    }

    private List<Suggestion> statement(String before, String prefix) {
        int quote = openQuote(before);
        if (quote >= 0) {
            Optional<String> call = innermostCall(tokens(before.substring(0, quote)));
            if (call.isPresent() && call.get().equals(SeriesSources.CSV)) {
                return files.list(prefix, ".csv", false);
            }
            if (call.isPresent() && call.get().equals(SeriesSources.PARQUET)) {
                return files.list(prefix, ".parquet", false);
            }
            return call.isPresent() && call.get().equals(LanguageWords.LOAD) ? files.list(prefix, "", false) : List.of();
        }
        List<Token> tokens = tokens(before);
        DeclaredNames declared = names.get();
        int prev = type(tokens, 1);
        int first = statementKeyword(tokens);
        if (prev == QflLexer.COLON && type(tokens, 2) == QflLexer.IDENTIFIER) {
            return optionValues(tokens, declared);
        }
        if (prev == QflLexer.USING || prev == QflLexer.SAVE || prev == QflLexer.EVALUATE
                || prev == QflLexer.FIT || prev == QflLexer.COMMA && (first == QflLexer.FIT || first == QflLexer.EVALUATE)) {
            return group(declared.models(), "model");
        }
        if (prev == QflLexer.ON) {
            return group(declared.series(), "series");
        }
        if (prev == QflLexer.SERIES || prev == QflLexer.MODEL || prev == QflLexer.LET) {
            return List.of();  // a new name
        }
        if (prev == QflLexer.ASSIGN && first == QflLexer.MODEL) {
            List<Suggestion> out = new ArrayList<>();
            words.modelKinds().forEach(k -> out.add(new Suggestion(k, k, "model kind",
                    words.kind(k).map(m -> m.summary()).orElse(null), false)));
            out.add(new Suggestion(LanguageWords.LOAD, LanguageWords.LOAD, "function", "a saved model", false));
            out.add(new Suggestion(LanguageWords.ENSEMBLE, LanguageWords.ENSEMBLE, "function",
                    "the level-by-level average of declared models", false));
            return out;
        }
        if (prev == QflLexer.ASSIGN && first == QflLexer.SERIES) {
            return List.of(new Suggestion(SeriesSources.CSV, SeriesSources.CSV, "data source", "read a CSV file", false),
                    new Suggestion(SeriesSources.SQL, SeriesSources.SQL, "data source",
                            "run a query in the embedded DuckDB or over JDBC", false),
                    new Suggestion(SeriesSources.PARQUET, SeriesSources.PARQUET, "data source", "read Parquet files", false));
        }
        if (prev == QflLexer.WHERE || prev == QflLexer.AND || prev == QflLexer.OR || prev == QflLexer.NOT) {
            return columns(tokens);
        }
        if (prev == QflLexer.LPAREN || prev == QflLexer.COMMA) {
            Optional<String> call = innermostCall(tokens);
            if (call.isPresent() && call.get().equals(LanguageWords.ENSEMBLE)) {
                List<Suggestion> out = new ArrayList<>(group(declared.models(), "model"));
                out.add(new Suggestion("weights: ", "weights", "option", "one non-negative weight per member", false));
                return out;
            }
            Optional<List<OptionSpec>> options = call.flatMap(words::optionsOf);
            if (options.isPresent()) {
                List<Suggestion> out = new ArrayList<>();
                for (OptionSpec o : options.get()) {
                    out.add(new Suggestion(o.name() + ": ", o.name(), "option", o.help(), false));
                }
                if (words.kind(call.get()).isPresent()) {
                    out.addAll(group(declared.series(), "series"));
                }
                return out;
            }
        }
        return general(declared);
    }

    private List<Suggestion> general(DeclaredNames declared) {
        List<Suggestion> out = new ArrayList<>(declared(declared));
        LanguageWords.queryFunctions().forEach(f -> out.add(new Suggestion(f, f, "function", null, false)));
        LanguageWords.keywords().forEach(k -> out.add(new Suggestion(k, k, "keyword", null, true)));
        words.modelKinds().forEach(k -> out.add(new Suggestion(k, k, "model kind", null, false)));
        SeriesSources.ALL.forEach(source -> out.add(new Suggestion(source, source, "data source", null, false)));
        out.add(new Suggestion(LanguageWords.LOAD, LanguageWords.LOAD, "function", null, false));
        return out;
    }

    private static List<Suggestion> declared(DeclaredNames d) {
        List<Suggestion> out = new ArrayList<>(group(d.series(), "series"));
        out.addAll(group(d.models(), "model"));
        out.addAll(group(d.lets(), "let"));
        return out;
    }

    private static List<Suggestion> group(List<String> values, String group) {
        return values.stream().map(v -> new Suggestion(v, v, group, null, false)).toList();
    }

    /** After {@code name:} inside a call: the option's allowed words, or {@code true}/{@code false}. */
    private List<Suggestion> optionValues(List<Token> tokens, DeclaredNames declared) {
        String option = tokens.get(tokens.size() - 2).getText();
        Optional<OptionSpec> spec = innermostCall(tokens).flatMap(words::optionsOf)
                .flatMap(list -> list.stream().filter(o -> o.name().equals(option)).findFirst());
        if (spec.isEmpty()) {
            return group(declared.lets(), "let");
        }
        List<Suggestion> out = new ArrayList<>();
        spec.get().choices().forEach(c -> out.add(new Suggestion(c, c, "value", null, false)));
        if (spec.get().type() == OptionType.BOOLEAN) {
            out.add(new Suggestion("true", "true", "value", null, false));
            out.add(new Suggestion("false", "false", "value", null, false));
        }
        if (spec.get().type() != OptionType.SYMBOL) {
            out.addAll(group(declared.lets(), "let"));  // a constant bound with let may be the value
        }
        return out;
    }

    /** The columns a {@code where} can test: those of the statement's query, or of any query. */
    private static List<Suggestion> columns(List<Token> tokens) {
        List<String> names = new ArrayList<>();
        tokens.stream().filter(t -> t.getType() == QflLexer.IDENTIFIER)
                .map(t -> QueryKind.byFunction(t.getText())).flatMap(Optional::stream).findFirst()
                .ifPresentOrElse(k -> names.addAll(k.columnNames()),
                        () -> List.of(QueryKind.values()).forEach(k -> k.columnNames().stream()
                                .filter(c -> !names.contains(c)).forEach(names::add)));
        return group(names, "column");
    }

    /** The function whose parentheses the end of {@code tokens} is inside, if any. */
    private static Optional<String> innermostCall(List<Token> tokens) {
        Deque<String> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            int t = tokens.get(i).getType();
            if (t == QflLexer.LPAREN || t == QflLexer.LBRACK) {
                boolean call = t == QflLexer.LPAREN && i > 0 && tokens.get(i - 1).getType() == QflLexer.IDENTIFIER;
                open.push(call ? tokens.get(i - 1).getText() : "");
            } else if ((t == QflLexer.RPAREN || t == QflLexer.RBRACK) && !open.isEmpty()) {
                open.pop();
            }
        }
        return open.isEmpty() || open.peek().isEmpty() ? Optional.empty() : Optional.of(open.peek());
    }

    /** The tokens of the text that count (no white space or comments). */
    private static List<Token> tokens(String text) {
        QflLexer lexer = new QflLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The keyword that began the statement the tokens end in (the last declaration or command
     * keyword outside brackets), or 0 for an expression statement.
     */
    private static int statementKeyword(List<Token> tokens) {
        int depth = 0;
        int keyword = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case QflLexer.LPAREN, QflLexer.LBRACK -> depth++;
                case QflLexer.RPAREN, QflLexer.RBRACK -> depth = Math.max(0, depth - 1);
                case QflLexer.SERIES, QflLexer.MODEL, QflLexer.LET, QflLexer.FIT, QflLexer.EXPORT, QflLexer.SAVE,
                        QflLexer.PLOT -> keyword = depth == 0 ? t.getType() : keyword;
                case QflLexer.EVALUATE -> keyword = depth == 0 && keyword != QflLexer.LET ? t.getType() : keyword;
                default -> {
                }
            }
        }
        return keyword;
    }

    /** The type of the n-th token from the end (1 = last), or 0. */
    private static int type(List<Token> tokens, int fromEnd) {
        return tokens.size() >= fromEnd && fromEnd > 0 ? tokens.get(tokens.size() - fromEnd).getType() : 0;
    }

    /** The index of the quote that opens a string still open at the end of {@code text}, or -1. */
    private static int openQuote(String text) {
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (open >= 0 && c == '\\') {
                i++;
            } else if (c == '"') {
                open = open >= 0 ? -1 : i;
            } else if (c == '#' && open < 0) {
                int eol = text.indexOf('\n', i);
                if (eol < 0) {
                    return -1;
                }
                i = eol;
            } else if (c == '\n') {
                open = -1;
            }
        }
        return open;
    }
}
