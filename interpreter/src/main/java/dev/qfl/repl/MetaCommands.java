package dev.qfl.repl;

import dev.qfl.ast.Expr;
import dev.qfl.terminal.ScriptFile;
import dev.qfl.terminal.UserError;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.table.TableFormatter;
import dev.qfl.syntax.ParseResult;
import dev.qfl.syntax.ScriptParser;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The REPL's own commands, written {@code :name [argument]}. */
final class MetaCommands {
    /** A command, its argument (or "") and its one-line help. */
    record Command(String name, String argument, String help) {
    }

    /** Every command, in the order {@code :help} lists them. */
    static final List<Command> COMMANDS = List.of(
            new Command(":help", "", "this help"),
            new Command(":load", "FILE", "run a script in this session (its paths resolve against its folder)"),
            new Command(":ast", "EXPR", "the syntax tree of an expression or statement"),
            new Command(":tables", "", "the tables bound with let"),
            new Command(":models", "", "the declared models, and whether they are fitted"),
            new Command(":describe", "NAME", "a declared name; or a model kind's (or csv's) options"),
            new Command(":quit", "", "leave (Ctrl-D on an empty line too)"));

    private final ReplSession repl;

    MetaCommands(ReplSession repl) {
        this.repl = repl;
    }

    ReplSession.Outcome run(String line) {
        String[] parts = line.strip().split("\\s+", 2);
        String name = parts[0];
        String argument = parts.length > 1 ? parts[1].strip() : "";
        return switch (name) {
            case ":help", ":h", ":?" -> help();
            case ":quit", ":q", ":exit" -> ReplSession.Outcome.QUIT;
            case ":load" -> load(argument);
            case ":ast" -> ast(argument);
            case ":tables" -> tables();
            case ":models" -> models();
            case ":describe" -> describe(argument);
            default -> error("unknown command " + name + "; :help lists the commands");
        };
    }

    private PrintStream out() {
        return repl.invocation().console().out();
    }

    private ReplSession.Outcome error(String message) {
        var c = repl.invocation().console();
        c.out().flush();
        c.err().println("qfl: " + message);
        c.err().flush();
        return ReplSession.Outcome.ERROR;
    }

    private ReplSession.Outcome print(String text) {
        out().print(text.endsWith("\n") ? text : text + "\n");
        out().flush();
        return ReplSession.Outcome.OK;
    }

    private ReplSession.Outcome help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Type QFL statements. An entry goes on to the next line (prompt ...>) while a bracket is open\n")
                .append("or a statement is unfinished; an empty line ends it anyway. For example:\n")
                .append("  series demand = csv(\"data/retail.csv\", time: \"date\", value: \"units\", id: \"sku\")\n")
                .append("  model naive = seasonal_naive(demand, horizon: 14)\n")
                .append("  quantile(demand, 0.94) using naive where horizon in 1..7\n\n")
                .append("Commands:\n");
        for (Command c : COMMANDS) {
            sb.append(String.format(Locale.ROOT, "  %-16s %s%n", c.name() + (c.argument().isEmpty() ? "" : " " + c.argument()),
                    c.help()));
        }
        sb.append("\nKeys: Tab completes; Up/Down and Ctrl-R search the history (~/.qfl_history);\n")
                .append("Ctrl-C cancels a running statement or clears the line; Ctrl-D on an empty line leaves.\n");
        return print(sb.toString());
    }

    private ReplSession.Outcome load(String file) {
        if (file.isEmpty()) {
            return error(":load needs a file, e.g. :load examples/quickstart.qfl");
        }
        ScriptFile script;
        try {
            script = ScriptFile.read(file);
        } catch (UserError e) {
            return error(e.getMessage());
        }
        return repl.evaluate(script.name(), script.text(), script.folder());
    }

    private ReplSession.Outcome ast(String text) {
        if (text.isEmpty()) {
            return error(":ast needs an expression, e.g. :ast quantile(demand, 0.9) where horizon <= 3");
        }
        SourceFile source = new SourceFile(ReplSession.SOURCE_NAME, text);
        try {
            Expr expr = ScriptParser.parseExpression(source);
            return print(AstPrinter.print(expr));
        } catch (ScriptParser.SyntaxException notAnExpression) {
            // perhaps a statement, such as a declaration
            ParseResult statements = ScriptParser.parse(source);
            if (statements.ok() && !statements.script().statements().isEmpty()) {
                StringBuilder sb = new StringBuilder();
                statements.script().statements().forEach(s -> sb.append(AstPrinter.print(s)));
                return print(sb.toString());
            }
            repl.printer().diagnostics(notAnExpression.diagnostics());
            return ReplSession.Outcome.ERROR;
        }
    }

    private ReplSession.Outcome tables() {
        var session = repl.session();
        List<String> lines = session.describe().stream().filter(l -> l.startsWith("let ")).filter(l ->
                session.table(DeclaredNames.nameOf(l)).isPresent()).toList();
        return print(lines.isEmpty() ? "no tables yet; bind one with: let plan = quantile(demand, 0.95)"
                : String.join("\n", lines));
    }

    private ReplSession.Outcome models() {
        List<String> lines = repl.session().describe().stream().filter(l -> l.startsWith("model ")).toList();
        return print(lines.isEmpty() ? "no models yet; declare one with: model naive = seasonal_naive(demand, horizon: 14)"
                : String.join("\n", lines));
    }

    private ReplSession.Outcome describe(String name) {
        if (name.isEmpty()) {
            return error(":describe needs a name, e.g. :describe demand (or a model kind: :describe seasonal_naive)");
        }
        var session = repl.session();
        Optional<String> line = session.describe().stream().filter(l -> DeclaredNames.nameOf(l).equals(name)).findFirst();
        if (line.isPresent()) {
            StringBuilder sb = new StringBuilder(line.get()).append('\n');
            session.table(name).ifPresent(t -> sb.append(TableFormatter.standard().render(t)));
            return print(sb.toString());
        }
        Optional<List<OptionSpec>> options = repl.words().optionsOf(name);
        if (options.isPresent()) {
            String title = repl.words().kind(name).map(ModelKind::summary).map(s -> "model kind " + name + ": " + s)
                    .orElse("data source " + name + "(\"file.csv\", ...): reads a panel of series");
            return print(title + "\n" + options(options.get()));
        }
        List<String> declared = repl.names().all();
        return error("nothing is called '" + name + "'" + (declared.isEmpty() ? ""
                : "; declared so far: " + String.join(", ", declared)));
    }

    /** Options as an aligned list: name, type, default, help. */
    static String options(List<OptionSpec> specs) {
        int nameWidth = specs.stream().mapToInt(o -> o.name().length()).max().orElse(0);
        StringBuilder sb = new StringBuilder("options:\n");
        for (OptionSpec o : specs) {
            String type = o.choices().isEmpty() ? o.type().name().toLowerCase(Locale.ROOT)
                    : String.join("|", o.choices());
            sb.append(String.format(Locale.ROOT, "  %-" + nameWidth + "s  %s, %s — %s%n", o.name(), type,
                    o.required() ? "required" : "default " + o.defaultText(), o.help()));
        }
        return sb.toString();
    }
}
