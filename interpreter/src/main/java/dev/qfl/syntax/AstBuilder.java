package dev.qfl.syntax;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Expr.Argument;
import dev.qfl.ast.Expr.BinaryOp;
import dev.qfl.ast.Identifier;
import dev.qfl.ast.Script;
import dev.qfl.ast.Statement;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.diag.Span;
import dev.qfl.grammar.QflLexer;
import dev.qfl.grammar.QflParser;
import dev.qfl.grammar.QflParserBaseVisitor;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds the immutable AST from ANTLR's parse tree. It is the generated visitor: one method per
 * labelled grammar alternative, reached by {@code ctx.accept(this)}, so a new alternative is
 * built by adding its method rather than a branch in a chain of type tests. Typed helpers
 * ({@link #expr}, {@link #statement}) cast the visitor's untyped results in one place each. The
 * interpreter never sees parse-tree classes.
 */
final class AstBuilder extends QflParserBaseVisitor<Object> {
    private final SourceFile file;

    AstBuilder(SourceFile file) {
        this.file = file;
    }

    Script script(QflParser.ScriptContext ctx) {
        List<Statement> statements = new ArrayList<>();
        for (QflParser.StatementContext s : ctx.statement()) {
            statements.add(statement(s));
        }
        return new Script(statements, span(ctx));
    }

    /** A standalone expression (the REPL's {@code :ast}) is in a question's position, as a statement on its own is. */
    Expr expression(QflParser.ExpressionContext ctx) {
        return question(ctx);
    }

    // ---- typed entry points into the visitor ---------------------------------------------------

    private Statement statement(QflParser.StatementContext ctx) {
        return (Statement) ctx.accept(this);
    }

    private Expr expr(ParserRuleContext ctx) {
        return (Expr) ctx.accept(this);
    }

    private Argument argument(QflParser.ArgumentContext ctx) {
        return (Argument) ctx.accept(this);
    }

    /**
     * The value of let, export, plot, or of a statement on its own: a call there asks a question,
     * so it becomes a {@link Expr.Query} even without clauses, and every pass meets questions as
     * one node kind. The values of series and model declarations are built as written, since a
     * call there names a data source or a model kind.
     */
    private Expr question(QflParser.ExpressionContext ctx) {
        Expr value = expr(ctx);
        return value instanceof Expr.Call call ? Expr.Query.of(call) : value;
    }

    // ---- statements ----------------------------------------------------------------------------

    @Override
    public Statement visitSeriesDeclaration(QflParser.SeriesDeclarationContext c) {
        return new Statement.SeriesDecl(identifier(c.name), expr(c.value), span(c));
    }

    @Override
    public Statement visitModelDeclaration(QflParser.ModelDeclarationContext c) {
        return new Statement.ModelDecl(identifier(c.name), expr(c.value), span(c));
    }

    @Override
    public Statement visitLetDeclaration(QflParser.LetDeclarationContext c) {
        return new Statement.LetDecl(identifier(c.name), question(c.value), span(c));
    }

    @Override
    public Statement visitFitStatement(QflParser.FitStatementContext c) {
        return new Statement.Fit(c.models.stream().map(this::identifier).toList(), span(c));
    }

    @Override
    public Statement visitExportStatement(QflParser.ExportStatementContext c) {
        List<Argument> options = c.option().stream().map(o -> (Argument) o.accept(this)).toList();
        if (c.database != null) {
            return new Statement.Export(question(c.value), string(c.table), options, span(c), string(c.database));
        }
        return new Statement.Export(question(c.value), string(c.path), options, span(c));
    }

    @Override
    public Statement visitSaveStatement(QflParser.SaveStatementContext c) {
        return new Statement.Save(identifier(c.model), string(c.path), span(c));
    }

    @Override
    public Statement visitPlotStatement(QflParser.PlotStatementContext c) {
        return new Statement.Plot(question(c.value), c.path == null ? null : string(c.path), span(c));
    }

    @Override
    public Statement visitExpressionStatement(QflParser.ExpressionStatementContext c) {
        return new Statement.ExpressionStatement(question(c.expression()), span(c));
    }

    /** {@code name: value} written after a statement's fixed part, or in an evaluate. */
    @Override
    public Argument visitOption(QflParser.OptionContext o) {
        return new Argument(identifier(o.name), expr(o.value), span(o));
    }

    // ---- expressions with clauses --------------------------------------------------------------

    @Override
    public Expr visitEvaluateExpression(QflParser.EvaluateExpressionContext e) {
        List<Argument> options = e.option().stream().map(o -> (Argument) o.accept(this)).toList();
        return new Expr.Evaluate(e.models.stream().map(this::identifier).toList(), identifier(e.series),
                e.backtest != null, options, span(e));
    }

    @Override
    public Expr visitQueryExpression(QflParser.QueryExpressionContext q) {
        Expr body = expr(q.body);
        if (q.model == null && q.whatIfs.isEmpty() && q.independence == null && q.condition == null) {
            return body;
        }
        List<Expr.WhatIf> whatIfs = q.whatIfs.stream()
                .map(w -> new Expr.WhatIf(identifier(w.name), expr(w.value), span(w))).toList();
        return new Expr.Query(body, q.model == null ? null : identifier(q.model), whatIfs, q.independence != null,
                q.condition == null ? null : expr(q.condition), span(q));
    }

    // ---- boolean expressions and predicates ----------------------------------------------------

    /** What a predicate ({@code == x}, {@code in a..b}, {@code in [...]}) makes of the operand before it. */
    private interface PredicateTail {
        Expr complete(Expr operand, Span span);
    }

    @Override
    public Expr visitPredicated(QflParser.PredicatedContext c) {
        Expr operand = expr(c.operand);
        if (c.predicate() == null) {
            return operand;
        }
        return ((PredicateTail) c.predicate().accept(this)).complete(operand, span(c));
    }

    @Override
    public Expr visitLogicalNot(QflParser.LogicalNotContext c) {
        return new Expr.Unary(Expr.UnaryOp.NOT, expr(c.operand), span(c));
    }

    @Override
    public Expr visitLogicalBinary(QflParser.LogicalBinaryContext c) {
        BinaryOp op = c.op.getType() == QflLexer.AND ? BinaryOp.AND : BinaryOp.OR;
        return new Expr.Binary(op, expr(c.left), expr(c.right), span(c));
    }

    @Override
    public PredicateTail visitComparisonPredicate(QflParser.ComparisonPredicateContext c) {
        BinaryOp op = switch (c.op.getType()) {
            case QflLexer.EQ -> BinaryOp.EQ;
            case QflLexer.NEQ -> BinaryOp.NE;
            case QflLexer.LT -> BinaryOp.LT;
            case QflLexer.LE -> BinaryOp.LE;
            case QflLexer.GT -> BinaryOp.GT;
            default -> BinaryOp.GE;
        };
        Expr right = expr(c.right);
        return (operand, span) -> new Expr.Binary(op, operand, right, span);
    }

    @Override
    public PredicateTail visitRangePredicate(QflParser.RangePredicateContext c) {
        Expr.Range range = visitRange(c.range());
        return (operand, span) -> new Expr.InRange(operand, range, span);
    }

    @Override
    public PredicateTail visitListPredicate(QflParser.ListPredicateContext c) {
        Expr.ListLit list = visitList(c.list());
        return (operand, span) -> new Expr.InList(operand, list, span);
    }

    // ---- arithmetic ----------------------------------------------------------------------------

    @Override
    public Expr visitPrimary(QflParser.PrimaryContext c) {
        return expr(c.primaryExpression());
    }

    @Override
    public Expr visitUnaryMinus(QflParser.UnaryMinusContext c) {
        Expr operand = expr(c.operand);
        // "-3" is a literal, so option values such as `fill: -1` stay constants.
        if (operand instanceof Expr.NumberLit n) {
            return new Expr.NumberLit(n.value().negate(), span(c));
        }
        return new Expr.Unary(Expr.UnaryOp.NEGATE, operand, span(c));
    }

    @Override
    public Expr visitArithmeticBinary(QflParser.ArithmeticBinaryContext c) {
        BinaryOp op = switch (c.op.getType()) {
            case QflLexer.STAR -> BinaryOp.MUL;
            case QflLexer.SLASH -> BinaryOp.DIV;
            case QflLexer.PLUS -> BinaryOp.ADD;
            default -> BinaryOp.SUB;
        };
        return new Expr.Binary(op, expr(c.left), expr(c.right), span(c));
    }

    // ---- primaries -----------------------------------------------------------------------------

    @Override
    public Expr visitNumberLiteral(QflParser.NumberLiteralContext c) {
        return number(c.NUMBER().getSymbol(), span(c));
    }

    @Override
    public Expr visitDurationLiteral(QflParser.DurationLiteralContext c) {
        return duration(c.DURATION().getSymbol(), span(c));
    }

    @Override
    public Expr visitStringLiteral(QflParser.StringLiteralContext c) {
        return string(c.STRING().getSymbol());
    }

    @Override
    public Expr visitBooleanLiteral(QflParser.BooleanLiteralContext c) {
        return new Expr.BoolLit(c.value.getType() == QflLexer.TRUE, span(c));
    }

    @Override
    public Expr visitListLiteral(QflParser.ListLiteralContext c) {
        return visitList(c.list());
    }

    @Override
    public Expr visitAggregateCall(QflParser.AggregateCallContext c) {
        return new Expr.Aggregate(identifier(c.callee), expr(c.operand), identifier(c.dimension), visitRange(c.range()),
                span(c));
    }

    @Override
    public Expr visitCall(QflParser.CallContext c) {
        return new Expr.Call(identifier(c.callee), c.argument().stream().map(this::argument).toList(), span(c));
    }

    @Override
    public Expr visitNameReference(QflParser.NameReferenceContext c) {
        return new Expr.Name(c.identifier().getText(), span(c));
    }

    @Override
    public Expr visitParenthesized(QflParser.ParenthesizedContext c) {
        return expr(c.booleanExpression());
    }

    // ---- arguments, lists and ranges -----------------------------------------------------------

    @Override
    public Argument visitNamedArgument(QflParser.NamedArgumentContext n) {
        return new Argument(identifier(n.name), expr(n.value), span(n));
    }

    @Override
    public Argument visitPositionalArgument(QflParser.PositionalArgumentContext p) {
        return new Argument(null, expr(p.value), span(p));
    }

    @Override
    public Expr visitRangeValue(QflParser.RangeValueContext c) {
        return visitRange(c.range());
    }

    @Override
    public Expr visitBooleanValue(QflParser.BooleanValueContext c) {
        return expr(c.booleanExpression());
    }

    @Override
    public Expr.ListLit visitList(QflParser.ListContext ctx) {
        return new Expr.ListLit(ctx.argumentValue().stream().map(this::expr).toList(), span(ctx));
    }

    @Override
    public Expr.Range visitRange(QflParser.RangeContext ctx) {
        return new Expr.Range(expr(ctx.low), expr(ctx.high), ctx.step == null ? null : expr(ctx.step), span(ctx));
    }

    private Identifier identifier(QflParser.IdentifierContext ctx) {
        return new Identifier(ctx.getText(), span(ctx));
    }

    private Expr.NumberLit number(Token token, Span span) {
        BigDecimal value;
        try {
            value = new BigDecimal(token.getText());
        } catch (NumberFormatException e) {
            throw failure(span, "'" + token.getText() + "' is not a number QFL can read");
        }
        // numbers are kept decimal, but every model and query computes in doubles: a literal that
        // would become Infinity there is refused here rather than silently answered as infinite
        if (Double.isInfinite(value.doubleValue())) {
            throw failure(span, "the number " + token.getText() + " is beyond the range QFL computes with "
                    + "(about 1.8e308)");
        }
        return new Expr.NumberLit(value, span);
    }

    private Expr.DurationLit duration(Token token, Span span) {
        String text = token.getText();
        int unitStart = 0;
        while (unitStart < text.length() && Character.isDigit(text.charAt(unitStart))) {
            unitStart++;
        }
        long amount;
        try {
            amount = Long.parseLong(text.substring(0, unitStart));
        } catch (NumberFormatException e) {
            throw failure(span, "the duration '" + text + "' is too large");
        }
        Duration d = switch (text.substring(unitStart)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new Expr.DurationLit(d, text, span);
    }

    private Expr.StringLit string(Token token) {
        String raw = token.getText();
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() - 1) {
                char n = raw.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return new Expr.StringLit(sb.toString(), span(token));
    }

    private ScriptParser.SyntaxException failure(Span span, String message) {
        return new ScriptParser.SyntaxException(List.of(Diagnostic.error(DiagnosticCode.BAD_LITERAL, file, span, message)));
    }

    private Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() == null || ctx.getStop().getStopIndex() < start.getStartIndex() ? start : ctx.getStop();
        return new Span(start.getStartIndex(), stop.getStopIndex() + 1, start.getLine(), start.getCharPositionInLine() + 1);
    }

    private static Span span(Token t) {
        return new Span(t.getStartIndex(), t.getStopIndex() + 1, t.getLine(), t.getCharPositionInLine() + 1);
    }
}
