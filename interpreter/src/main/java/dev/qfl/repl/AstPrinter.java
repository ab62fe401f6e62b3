package dev.qfl.repl;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.ast.Statement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints a syntax tree as an indented outline for {@code :ast}. Each kind of node lists its parts
 * in one visitor method, so a new kind of node does not compile until it says how it prints. A
 * node whose parts are all plain values fits on one line ({@code NumberLit(value=0.94)}); spans
 * are left out, since they only say where the text was, and so are absent parts.
 * <pre>
 * Query
 *   body: Call
 *     callee: Identifier(name=quantile)
 *     arguments:
 *       - Argument
 *           value: Name(name=demand)
 * </pre>
 */
public final class AstPrinter {
    private static final String INDENT = "  ";

    private AstPrinter() {
    }

    public static String print(Expr e) {
        return print(e.accept(EXPRESSIONS));
    }

    public static String print(Statement s) {
        return print(s.accept(STATEMENTS));
    }

    private static String print(Node node) {
        StringBuilder sb = new StringBuilder();
        node(sb, node, 0);
        return sb.toString();
    }

    // ---- what is printed: a node's type and its named parts --------------------------------------

    /** A printed value: a node with parts, a list of nodes, or a plain value. */
    private sealed interface Printed permits Node, Items, Plain {
        /** Appends the value after its part's name and colon, ending the line. */
        void writeAfterName(StringBuilder sb, int depth);
    }

    private record Node(String type, List<Part> parts) implements Printed {
        Node(String type, Part... parts) {
            this(type, Arrays.stream(parts).filter(p -> p.value() != null).toList());
        }

        /** Whether every part is a plain value, so the node fits on one line. */
        boolean inline() {
            return parts.stream().allMatch(p -> p.value() instanceof Plain);
        }

        @Override
        public void writeAfterName(StringBuilder sb, int depth) {
            sb.append(' ');
            node(sb, this, depth + 1);
        }
    }

    private record Items(List<Node> items) implements Printed {
        @Override
        public void writeAfterName(StringBuilder sb, int depth) {
            if (items.isEmpty()) {
                sb.append(" []\n");
                return;
            }
            sb.append('\n');
            for (Node item : items) {
                indent(sb, depth + 2).append("- ");
                node(sb, item, depth + 3);
            }
        }
    }

    private record Plain(String text) implements Printed {
        @Override
        public void writeAfterName(StringBuilder sb, int depth) {
            sb.append(' ').append(text).append('\n');
        }
    }

    /** A named part; a null value (an absent step, model or condition) is not printed. */
    private record Part(String name, Printed value) {
    }

    private static Part part(String name, Expr e) {
        return new Part(name, e == null ? null : e.accept(EXPRESSIONS));
    }

    private static Part part(String name, Identifier id) {
        return new Part(name, id == null ? null : identifier(id));
    }

    private static Part exprs(String name, List<Expr> es) {
        return new Part(name, new Items(es.stream().map(e -> e.accept(EXPRESSIONS)).toList()));
    }

    private static Part identifiers(String name, List<Identifier> ids) {
        return new Part(name, new Items(ids.stream().map(AstPrinter::identifier).toList()));
    }

    private static Part arguments(String name, List<Expr.Argument> args) {
        return new Part(name, new Items(args.stream().map(a -> new Node("Argument", part("name", a.name()),
                part("value", a.value()))).toList()));
    }

    private static Part plain(String name, Object value) {
        return new Part(name, new Plain(scalar(value)));
    }

    private static Node identifier(Identifier id) {
        return new Node("Identifier", plain("name", id.name()));
    }

    private static final Statement.Visitor<Node> STATEMENTS = new Statement.Visitor<>() {
        @Override
        public Node visitSeriesDecl(Statement.SeriesDecl s) {
            return new Node("SeriesDecl", part("name", s.name()), part("value", s.value()));
        }

        @Override
        public Node visitModelDecl(Statement.ModelDecl s) {
            return new Node("ModelDecl", part("name", s.name()), part("value", s.value()));
        }

        @Override
        public Node visitLetDecl(Statement.LetDecl s) {
            return new Node("LetDecl", part("name", s.name()), part("value", s.value()));
        }

        @Override
        public Node visitFit(Statement.Fit s) {
            return new Node("Fit", identifiers("models", s.models()));
        }

        @Override
        public Node visitExport(Statement.Export s) {
            return new Node("Export", part("value", s.value()), part("path", s.path()), arguments("options", s.options()),
                    part("database", s.database()));
        }

        @Override
        public Node visitSave(Statement.Save s) {
            return new Node("Save", part("model", s.model()), part("path", s.path()));
        }

        @Override
        public Node visitPlot(Statement.Plot s) {
            return new Node("Plot", part("value", s.value()), part("path", s.path()));
        }

        @Override
        public Node visitExpressionStatement(Statement.ExpressionStatement s) {
            return new Node("ExpressionStatement", part("expr", s.expr()));
        }
    };

    private static final Expr.Visitor<Node> EXPRESSIONS = new Expr.Visitor<>() {
        @Override
        public Node visitNumberLit(Expr.NumberLit e) {
            return new Node("NumberLit", plain("value", e.value()));
        }

        @Override
        public Node visitStringLit(Expr.StringLit e) {
            return new Node("StringLit", plain("value", e.value()));
        }

        @Override
        public Node visitBoolLit(Expr.BoolLit e) {
            return new Node("BoolLit", plain("value", e.value()));
        }

        @Override
        public Node visitDurationLit(Expr.DurationLit e) {
            return new Node("DurationLit", plain("value", e.value()), plain("text", e.text()));
        }

        @Override
        public Node visitListLit(Expr.ListLit e) {
            return new Node("ListLit", exprs("elements", e.elements()));
        }

        @Override
        public Node visitRange(Expr.Range e) {
            return new Node("Range", part("low", e.low()), part("high", e.high()), part("step", e.step()));
        }

        @Override
        public Node visitName(Expr.Name e) {
            return new Node("Name", plain("name", e.name()));
        }

        @Override
        public Node visitCall(Expr.Call e) {
            return new Node("Call", part("callee", e.callee()), arguments("arguments", e.arguments()));
        }

        @Override
        public Node visitAggregate(Expr.Aggregate e) {
            return new Node("Aggregate", part("function", e.function()), part("operand", e.operand()),
                    part("dimension", e.dimension()), part("range", e.range()));
        }

        @Override
        public Node visitQuery(Expr.Query e) {
            // a query without `with` prints as it did before the clause existed
            Part whatIfs = new Part("whatIfs", e.whatIfs().isEmpty() ? null : new Items(e.whatIfs().stream()
                    .map(w -> new Node("WhatIf", part("covariate", w.covariate()), part("value", w.value()))).toList()));
            return new Node("Query", part("body", e.body()), part("model", e.model()), whatIfs,
                    plain("assumingIndependence", e.assumingIndependence()), part("condition", e.condition()));
        }

        @Override
        public Node visitEvaluate(Expr.Evaluate e) {
            return new Node("Evaluate", identifiers("models", e.models()), part("series", e.series()),
                    plain("backtestKeyword", e.backtestKeyword()), arguments("options", e.options()));
        }

        @Override
        public Node visitUnary(Expr.Unary e) {
            return new Node("Unary", plain("op", e.op()), part("operand", e.operand()));
        }

        @Override
        public Node visitBinary(Expr.Binary e) {
            return new Node("Binary", plain("op", e.op()), part("left", e.left()), part("right", e.right()));
        }

        @Override
        public Node visitInRange(Expr.InRange e) {
            return new Node("InRange", part("value", e.value()), part("range", e.range()));
        }

        @Override
        public Node visitInList(Expr.InList e) {
            return new Node("InList", part("value", e.value()), part("list", e.list()));
        }
    };

    // ---- layout ----------------------------------------------------------------------------------

    /** Appends the node's own line (without indentation) and its parts below it. */
    private static void node(StringBuilder sb, Node node, int depth) {
        if (node.inline()) {
            List<String> parts = new ArrayList<>();
            for (Part part : node.parts()) {
                parts.add(part.name() + "=" + ((Plain) part.value()).text());
            }
            sb.append(node.type()).append('(').append(String.join(", ", parts)).append(")\n");
            return;
        }
        sb.append(node.type()).append('\n');
        for (Part part : node.parts()) {
            indent(sb, depth + 1).append(part.name()).append(':');
            part.value().writeAfterName(sb, depth);
        }
    }

    private static String scalar(Object v) {
        if (v instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v);
    }

    private static StringBuilder indent(StringBuilder sb, int depth) {
        return sb.append(INDENT.repeat(depth));
    }
}
