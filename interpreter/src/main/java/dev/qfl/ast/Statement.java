package dev.qfl.ast;

import dev.qfl.diag.Span;
import java.util.List;

/** The statements of QFL. Declarations bind a name; the others act. */
public sealed interface Statement extends Node {

    /**
     * One method per kind of statement; a pass implementing it must handle every kind, so adding a
     * statement is a compile error wherever it is not yet handled.
     */
    interface Visitor<R> {
        R visitSeriesDecl(SeriesDecl s);

        R visitModelDecl(ModelDecl s);

        R visitLetDecl(LetDecl s);

        R visitFit(Fit s);

        R visitExport(Export s);

        R visitSave(Save s);

        R visitPlot(Plot s);

        R visitExpressionStatement(ExpressionStatement s);
    }

    /** Dispatches to the visitor method for this statement's kind. */
    <R> R accept(Visitor<R> visitor);

    /** {@code series NAME = EXPR}: a panel of series from a data source. */
    record SeriesDecl(Identifier name, Expr value, Span span) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSeriesDecl(this);
        }
    }

    /** {@code model NAME = EXPR}: a model of some kind over a declared series. */
    record ModelDecl(Identifier name, Expr value, Span span) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitModelDecl(this);
        }
    }

    /** {@code let NAME = EXPR}: binds a query result or a constant. */
    record LetDecl(Identifier name, Expr value, Span span) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitLetDecl(this);
        }
    }

    /** {@code fit A, B}: train (or load from cache) now rather than at first use. */
    record Fit(List<Identifier> models, Span span) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitFit(this);
        }

        public Fit {
            models = List.copyOf(models);
        }
    }

    /**
     * {@code export EXPR to "file.csv" [name: value ...]}, or {@code export EXPR to table "name" in
     * "jdbc:..." | "file.duckdb"}: then {@code path} is the table's name and {@code database} where
     * it lives (null for a file export).
     */
    record Export(Expr value, Expr.StringLit path, List<Expr.Argument> options, Span span, Expr.StringLit database)
            implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitExport(this);
        }

        public Export {
            options = List.copyOf(options);
        }

        /** An export to a file. */
        public Export(Expr value, Expr.StringLit path, List<Expr.Argument> options, Span span) {
            this(value, path, options, span, null);
        }

        /** Whether it writes a database table rather than a file. */
        public boolean toTable() {
            return database != null;
        }
    }

    /** {@code save MODEL to "file"}. */
    record Save(Identifier model, Expr.StringLit path, Span span) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSave(this);
        }
    }

    /** {@code plot EXPR [to "file.png" | "file.svg"]}; without a file, a temporary one is written. */
    record Plot(Expr value, Expr.StringLit path, Span span) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitPlot(this);
        }
    }

    /** An expression on its own: evaluated and shown. */
    record ExpressionStatement(Expr expr, Span span) implements Statement {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitExpressionStatement(this);
        }
    }
}
