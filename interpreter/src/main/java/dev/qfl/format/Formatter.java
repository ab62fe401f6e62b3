package dev.qfl.format;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.ast.Script;
import dev.qfl.ast.Statement;
import dev.qfl.diag.SourceFile;
import dev.qfl.syntax.ParseResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Canonical layout of a script ({@code qfl fmt}): one statement per line, single spaces around
 * operators and after commas and colons, the fewest parentheses that keep the meaning, comments
 * kept where they were (own line or end of line), and at most one blank line between statements.
 */
public final class Formatter {
    private Formatter() {
    }

    /** Formats a parsed script; {@code file} supplies blank-line information. */
    public static String format(ParseResult parsed, SourceFile file) {
        Script script = parsed.script();
        List<ParseResult.Comment> comments = parsed.comments();
        StringBuilder out = new StringBuilder();
        int next = 0;
        int previousEndLine = 0;
        for (Statement s : script.statements()) {
            int startLine = s.span().line();
            boolean first = true;
            while (next < comments.size() && comments.get(next).offset() < s.span().start()) {
                ParseResult.Comment c = comments.get(next++);
                blankLineIfSeparated(out, file, previousEndLine, c.line());
                out.append(c.text().stripTrailing()).append('\n');
                previousEndLine = c.line();
                first = false;
            }
            if (first || previousEndLine < startLine) {
                blankLineIfSeparated(out, file, previousEndLine, startLine);
            }
            out.append(statement(s));
            int endLine = lineOfOffset(file, s.span().end() - 1);
            if (next < comments.size() && comments.get(next).line() == endLine) {
                out.append("  ").append(comments.get(next++).text().stripTrailing());
            }
            out.append('\n');
            previousEndLine = endLine;
        }
        while (next < comments.size()) {
            ParseResult.Comment c = comments.get(next++);
            blankLineIfSeparated(out, file, previousEndLine, c.line());
            out.append(c.text().stripTrailing()).append('\n');
            previousEndLine = c.line();
        }
        return out.toString();
    }

    private static void blankLineIfSeparated(StringBuilder out, SourceFile file, int previousLine, int line) {
        if (previousLine == 0 || out.length() == 0) {
            return;
        }
        for (int l = previousLine + 1; l < line; l++) {
            if (file.line(l).isBlank()) {
                out.append('\n');
                return;
            }
        }
    }

    private static int lineOfOffset(SourceFile file, int offset) {
        return file.spanAt(Math.max(0, offset), 1).line();
    }

    /** One statement on one line, without a line break. */
    public static String statement(Statement s) {
        if (s instanceof Statement.SeriesDecl d) {
            return "series " + d.name().name() + " = " + expr(d.value());
        } else if (s instanceof Statement.ModelDecl d) {
            return "model " + d.name().name() + " = " + expr(d.value());
        } else if (s instanceof Statement.LetDecl d) {
            return "let " + d.name().name() + " = " + expr(d.value());
        } else if (s instanceof Statement.Fit f) {
            return "fit " + f.models().stream().map(Identifier::name).collect(Collectors.joining(", "));
        } else if (s instanceof Statement.Export e) {
            return "export " + expr(e.value()) + " to " + (e.toTable() ? "table " + quote(e.path().value()) + " in "
                    + quote(e.database().value()) : quote(e.path().value()))
                    + e.options().stream().map(o -> " " + o.name().name() + ": " + expr(o.value())).collect(Collectors.joining());
        } else if (s instanceof Statement.Save v) {
            return "save " + v.model().name() + " to " + quote(v.path().value());
        } else if (s instanceof Statement.Plot p) {
            return "plot " + expr(p.value()) + (p.path() == null ? "" : " to " + quote(p.path().value()));
        }
        return expr(((Statement.ExpressionStatement) s).expr());
    }

    /** Canonical text of an expression. */
    public static String expr(Expr e) {
        return expr(e, 0);
    }

    private static String expr(Expr e, int parentPrecedence) {
        if (e instanceof Expr.NumberLit n) {
            return n.value().toPlainString();
        } else if (e instanceof Expr.StringLit s) {
            return quote(s.value());
        } else if (e instanceof Expr.BoolLit b) {
            return String.valueOf(b.value());
        } else if (e instanceof Expr.DurationLit d) {
            return d.text();
        } else if (e instanceof Expr.Name n) {
            return n.name();
        } else if (e instanceof Expr.ListLit l) {
            return "[" + l.elements().stream().map(Formatter::expr).collect(Collectors.joining(", ")) + "]";
        } else if (e instanceof Expr.Range r) {
            return expr(r.low(), 4) + ".." + expr(r.high(), 4) + (r.step() == null ? "" : " step " + expr(r.step(), 4));
        } else if (e instanceof Expr.Call c) {
            return c.callee().name() + "(" + c.arguments().stream()
                    .map(a -> (a.isNamed() ? a.name().name() + ": " : "") + expr(a.value()))
                    .collect(Collectors.joining(", ")) + ")";
        } else if (e instanceof Expr.Aggregate a) {
            return a.function().name() + "(" + expr(a.operand()) + " over " + a.dimension().name() + " "
                    + expr(a.range()) + ")";
        } else if (e instanceof Expr.Query q) {
            return expr(q.body())
                    + (q.model() == null ? "" : " using " + q.model().name())
                    + (q.assumingIndependence() ? " assuming independence" : "")
                    + (q.condition() == null ? "" : " where " + expr(q.condition()));
        } else if (e instanceof Expr.Evaluate v) {
            return "evaluate " + v.models().stream().map(Identifier::name).collect(Collectors.joining(", ")) + " on "
                    + v.series().name() + (v.backtestKeyword() ? " backtest" : "")
                    + v.options().stream().map(o -> " " + o.name().name() + ": " + expr(o.value())).collect(Collectors.joining());
        } else if (e instanceof Expr.Unary u) {
            return u.op() == Expr.UnaryOp.NOT
                    ? wrap("not " + expr(u.operand(), 3), 2.5, parentPrecedence)
                    : "-" + expr(u.operand(), 6);
        } else if (e instanceof Expr.Binary b) {
            return wrap(expr(b.left(), b.op().precedence()) + " " + b.op().symbol() + " "
                    + expr(b.right(), b.op().precedence() + 1), b.op().precedence(), parentPrecedence);
        } else if (e instanceof Expr.InRange r) {
            return wrap(expr(r.value(), 4) + " in " + expr(r.range()), 3, parentPrecedence);
        }
        Expr.InList r = (Expr.InList) e;
        return wrap(expr(r.value(), 4) + " in " + expr(r.list()), 3, parentPrecedence);
    }

    private static String wrap(String text, double precedence, int parentPrecedence) {
        return precedence < parentPrecedence ? "(" + text + ")" : text;
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }
}
