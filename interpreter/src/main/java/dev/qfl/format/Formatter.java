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
 * A series or model declaration wider than 100 columns is broken between the arguments of its
 * call ({@link LineWrapper}).
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
            out.append(LineWrapper.wrap(statement(s)));
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
        return s.accept(STATEMENTS);
    }

    /** Statements are written by keyword; a new kind of statement does not compile until it has its layout. */
    private static final Statement.Visitor<String> STATEMENTS = new Statement.Visitor<>() {
        @Override
        public String visitSeriesDecl(Statement.SeriesDecl d) {
            return "series " + d.name().name() + " = " + expr(d.value());
        }

        @Override
        public String visitModelDecl(Statement.ModelDecl d) {
            return "model " + d.name().name() + " = " + expr(d.value());
        }

        @Override
        public String visitLetDecl(Statement.LetDecl d) {
            return "let " + d.name().name() + " = " + expr(d.value());
        }

        @Override
        public String visitFit(Statement.Fit f) {
            return "fit " + f.models().stream().map(Identifier::name).collect(Collectors.joining(", "));
        }

        @Override
        public String visitExport(Statement.Export e) {
            return "export " + expr(e.value()) + " to " + (e.toTable() ? "table " + quote(e.path().value()) + " in "
                    + quote(e.database().value()) : quote(e.path().value()))
                    + e.options().stream().map(o -> " " + o.name().name() + ": " + expr(o.value())).collect(Collectors.joining());
        }

        @Override
        public String visitSave(Statement.Save v) {
            return "save " + v.model().name() + " to " + quote(v.path().value());
        }

        @Override
        public String visitPlot(Statement.Plot p) {
            return "plot " + expr(p.value()) + (p.path() == null ? "" : " to " + quote(p.path().value()));
        }

        @Override
        public String visitExpressionStatement(Statement.ExpressionStatement x) {
            return expr(x.expr());
        }
    };

    /** Canonical text of an expression. */
    public static String expr(Expr e) {
        StringBuilder out = new StringBuilder();
        expr(out, e, 0);
        return out.toString();
    }

    /**
     * Appends an expression. A few small frames per level of nesting (this call, accept, the
     * visit method) and loops instead of streams: the nesting limit (QF1004) is sized so that
     * passes like this one fit on a default thread stack (DeepInputTest), and chains of one
     * operator ({@code a and b and c}) are walked without recursing at all.
     */
    private static void expr(StringBuilder out, Expr e, int parentPrecedence) {
        e.accept(new Writer(out, parentPrecedence));
    }

    /**
     * Writes one node into {@code out}; {@code parentPrecedence} is how tightly the enclosing
     * operator binds, which decides whether brackets are needed. Every kind of expression has its
     * case, so a new one does not compile until it has a layout.
     */
    private record Writer(StringBuilder out, int parentPrecedence) implements Expr.Visitor<Void> {
        @Override
        public Void visitNumberLit(Expr.NumberLit n) {
            out.append(number(n.value()));
            return null;
        }

        @Override
        public Void visitStringLit(Expr.StringLit s) {
            out.append(quote(s.value()));
            return null;
        }

        @Override
        public Void visitBoolLit(Expr.BoolLit b) {
            out.append(b.value());
            return null;
        }

        @Override
        public Void visitDurationLit(Expr.DurationLit d) {
            out.append(d.text());
            return null;
        }

        @Override
        public Void visitName(Expr.Name n) {
            out.append(n.name());
            return null;
        }

        @Override
        public Void visitListLit(Expr.ListLit l) {
            out.append('[');
            for (int i = 0; i < l.elements().size(); i++) {
                out.append(i == 0 ? "" : ", ");
                expr(out, l.elements().get(i), 0);
            }
            out.append(']');
            return null;
        }

        @Override
        public Void visitRange(Expr.Range r) {
            expr(out, r.low(), 4);
            out.append("..");
            expr(out, r.high(), 4);
            if (r.step() != null) {
                out.append(" step ");
                expr(out, r.step(), 4);
            }
            return null;
        }

        @Override
        public Void visitCall(Expr.Call c) {
            out.append(c.callee().name()).append('(');
            arguments(out, c.arguments(), ", ");
            out.append(')');
            return null;
        }

        @Override
        public Void visitAggregate(Expr.Aggregate a) {
            out.append(a.function().name()).append('(');
            expr(out, a.operand(), 0);
            out.append(" over ").append(a.dimension().name()).append(' ');
            expr(out, a.range(), 0);
            out.append(')');
            return null;
        }

        /** A query without clauses is written as its call alone, exactly as it was typed. */
        @Override
        public Void visitQuery(Expr.Query q) {
            expr(out, q.body(), 0);
            out.append(q.model() == null ? "" : " using " + q.model().name());
            for (int i = 0; i < q.whatIfs().size(); i++) {
                Expr.WhatIf w = q.whatIfs().get(i);
                out.append(i == 0 ? " with " : ", ").append(w.covariate().name()).append(" = ");
                expr(out, w.value(), 0);
            }
            out.append(q.assumingIndependence() ? " assuming independence" : "");
            if (q.condition() != null) {
                out.append(" where ");
                expr(out, q.condition(), 0);
            }
            return null;
        }

        @Override
        public Void visitEvaluate(Expr.Evaluate v) {
            out.append("evaluate ").append(v.models().stream().map(Identifier::name).collect(Collectors.joining(", ")))
                    .append(" on ").append(v.series().name()).append(v.backtestKeyword() ? " backtest" : "");
            for (Expr.Argument o : v.options()) {
                out.append(' ').append(o.name().name()).append(": ");
                expr(out, o.value(), 0);
            }
            return null;
        }

        @Override
        public Void visitUnary(Expr.Unary u) {
            if (u.op() == Expr.UnaryOp.NOT) {
                boolean parens = 2.5 < parentPrecedence;
                out.append(parens ? "(not " : "not ");
                // `not not x` reads as it parses; brackets there would only deepen the nesting
                boolean doubleNot = u.operand() instanceof Expr.Unary inner && inner.op() == Expr.UnaryOp.NOT;
                expr(out, u.operand(), doubleNot ? 0 : 3);
                out.append(parens ? ")" : "");
            } else {
                out.append('-');
                expr(out, u.operand(), 6);
            }
            return null;
        }

        @Override
        public Void visitBinary(Expr.Binary b) {
            binaryChain(out, b, parentPrecedence);
            return null;
        }

        @Override
        public Void visitInRange(Expr.InRange r) {
            predicate(out, r.value(), r.range(), parentPrecedence);
            return null;
        }

        @Override
        public Void visitInList(Expr.InList l) {
            predicate(out, l.value(), l.list(), parentPrecedence);
            return null;
        }
    }

    /**
     * A left-associative chain of operators of one precedence, {@code a + b - c}, written left to
     * right by walking down its left spine in a loop.
     */
    private static void binaryChain(StringBuilder out, Expr.Binary top, int parentPrecedence) {
        int precedence = top.op().precedence();
        java.util.ArrayDeque<Expr.Binary> spine = new java.util.ArrayDeque<>();
        Expr leftmost = top;
        while (leftmost instanceof Expr.Binary b && b.op().precedence() == precedence) {
            spine.push(b);
            leftmost = b.left();
        }
        boolean parens = precedence < parentPrecedence;
        out.append(parens ? "(" : "");
        expr(out, leftmost, precedence);
        while (!spine.isEmpty()) {
            Expr.Binary b = spine.pop();
            out.append(' ').append(b.op().symbol()).append(' ');
            expr(out, b.right(), precedence + 1);
        }
        out.append(parens ? ")" : "");
    }

    private static void predicate(StringBuilder out, Expr value, Expr set, int parentPrecedence) {
        boolean parens = 3 < parentPrecedence;
        out.append(parens ? "(" : "");
        expr(out, value, 4);
        out.append(" in ");
        expr(out, set, 0);
        out.append(parens ? ")" : "");
    }

    private static void arguments(StringBuilder out, List<Expr.Argument> arguments, String separator) {
        for (int i = 0; i < arguments.size(); i++) {
            Expr.Argument a = arguments.get(i);
            out.append(i == 0 ? "" : separator);
            if (a.isNamed()) {
                out.append(a.name().name()).append(": ");
            }
            expr(out, a.value(), 0);
        }
    }

    /** Longest number written out in full; {@code 1e999999999} in full would be a gigabyte of zeros. */
    private static final int LONGEST_PLAIN_NUMBER = 400;

    /** A number as plain digits, or in exponent form when the digits would be absurdly many. */
    static String number(java.math.BigDecimal value) {
        long plainLength = (long) value.precision() + Math.abs((long) value.scale()) + 2;
        return plainLength <= LONGEST_PLAIN_NUMBER ? value.toPlainString() : value.toString();
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }
}
