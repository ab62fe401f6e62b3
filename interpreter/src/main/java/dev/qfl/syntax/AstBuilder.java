package dev.qfl.syntax;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Expr.Argument;
import dev.qfl.ast.Expr.BinaryOp;
import dev.qfl.ast.Identifier;
import dev.qfl.ast.Script;
import dev.qfl.ast.Statement;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.diag.Span;
import dev.qfl.grammar.QflLexer;
import dev.qfl.grammar.QflParser;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds the immutable AST from ANTLR's parse tree. One method per labelled grammar alternative;
 * the interpreter never sees parse-tree classes.
 */
final class AstBuilder {
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

    private Statement statement(QflParser.StatementContext ctx) {
        if (ctx instanceof QflParser.SeriesDeclarationContext c) {
            return new Statement.SeriesDecl(identifier(c.name), expression(c.value), span(c));
        } else if (ctx instanceof QflParser.ModelDeclarationContext c) {
            return new Statement.ModelDecl(identifier(c.name), expression(c.value), span(c));
        } else if (ctx instanceof QflParser.LetDeclarationContext c) {
            return new Statement.LetDecl(identifier(c.name), expression(c.value), span(c));
        } else if (ctx instanceof QflParser.FitStatementContext c) {
            return new Statement.Fit(c.models.stream().map(this::identifier).toList(), span(c));
        } else if (ctx instanceof QflParser.ExportStatementContext c) {
            List<Argument> options = c.option().stream()
                    .map(o -> new Argument(identifier(o.name), argumentValue(o.value), span(o))).toList();
            if (c.database != null) {
                return new Statement.Export(expression(c.value), string(c.table), options, span(c), string(c.database));
            }
            return new Statement.Export(expression(c.value), string(c.path), options, span(c));
        } else if (ctx instanceof QflParser.SaveStatementContext c) {
            return new Statement.Save(identifier(c.model), string(c.path), span(c));
        } else if (ctx instanceof QflParser.PlotStatementContext c) {
            return new Statement.Plot(expression(c.value), c.path == null ? null : string(c.path), span(c));
        } else if (ctx instanceof QflParser.ExpressionStatementContext c) {
            return new Statement.ExpressionStatement(expression(c.expression()), span(c));
        }
        throw new IllegalStateException("unhandled statement " + ctx.getClass().getSimpleName());
    }

    Expr expression(QflParser.ExpressionContext ctx) {
        if (ctx instanceof QflParser.EvaluateExpressionContext e) {
            List<Argument> options = e.option().stream()
                    .map(o -> new Argument(identifier(o.name), argumentValue(o.value), span(o))).toList();
            return new Expr.Evaluate(e.models.stream().map(this::identifier).toList(), identifier(e.series),
                    e.backtest != null, options, span(e));
        }
        QflParser.QueryExpressionContext q = (QflParser.QueryExpressionContext) ctx;
        Expr body = bool(q.body);
        if (q.model == null && q.independence == null && q.condition == null) {
            return body;
        }
        return new Expr.Query(body, q.model == null ? null : identifier(q.model), q.independence != null,
                q.condition == null ? null : bool(q.condition), span(q));
    }

    private Expr bool(QflParser.BooleanExpressionContext ctx) {
        if (ctx instanceof QflParser.PredicatedContext c) {
            Expr operand = value(c.operand);
            if (c.predicate() == null) {
                return operand;
            }
            return predicate(operand, c.predicate(), span(c));
        } else if (ctx instanceof QflParser.LogicalNotContext c) {
            return new Expr.Unary(Expr.UnaryOp.NOT, bool(c.operand), span(c));
        } else if (ctx instanceof QflParser.LogicalBinaryContext c) {
            BinaryOp op = c.op.getType() == QflLexer.AND ? BinaryOp.AND : BinaryOp.OR;
            return new Expr.Binary(op, bool(c.left), bool(c.right), span(c));
        }
        throw new IllegalStateException("unhandled boolean expression " + ctx.getClass().getSimpleName());
    }

    private Expr predicate(Expr operand, QflParser.PredicateContext ctx, Span span) {
        if (ctx instanceof QflParser.ComparisonPredicateContext c) {
            BinaryOp op = switch (c.op.getType()) {
                case QflLexer.EQ -> BinaryOp.EQ;
                case QflLexer.NEQ -> BinaryOp.NE;
                case QflLexer.LT -> BinaryOp.LT;
                case QflLexer.LE -> BinaryOp.LE;
                case QflLexer.GT -> BinaryOp.GT;
                default -> BinaryOp.GE;
            };
            return new Expr.Binary(op, operand, value(c.right), span);
        } else if (ctx instanceof QflParser.RangePredicateContext c) {
            return new Expr.InRange(operand, range(c.range()), span);
        } else if (ctx instanceof QflParser.ListPredicateContext c) {
            return new Expr.InList(operand, list(c.list()), span);
        }
        throw new IllegalStateException("unhandled predicate " + ctx.getClass().getSimpleName());
    }

    private Expr value(QflParser.ValueExpressionContext ctx) {
        if (ctx instanceof QflParser.PrimaryContext c) {
            return primary(c.primaryExpression());
        } else if (ctx instanceof QflParser.UnaryMinusContext c) {
            Expr operand = value(c.operand);
            // "-3" is a literal, so option values such as `fill: -1` stay constants.
            if (operand instanceof Expr.NumberLit n) {
                return new Expr.NumberLit(n.value().negate(), span(c));
            }
            return new Expr.Unary(Expr.UnaryOp.NEGATE, operand, span(c));
        } else if (ctx instanceof QflParser.ArithmeticBinaryContext c) {
            BinaryOp op = switch (c.op.getType()) {
                case QflLexer.STAR -> BinaryOp.MUL;
                case QflLexer.SLASH -> BinaryOp.DIV;
                case QflLexer.PLUS -> BinaryOp.ADD;
                default -> BinaryOp.SUB;
            };
            return new Expr.Binary(op, value(c.left), value(c.right), span(c));
        }
        throw new IllegalStateException("unhandled value expression " + ctx.getClass().getSimpleName());
    }

    private Expr primary(QflParser.PrimaryExpressionContext ctx) {
        if (ctx instanceof QflParser.NumberLiteralContext c) {
            return number(c.NUMBER().getSymbol(), span(c));
        } else if (ctx instanceof QflParser.DurationLiteralContext c) {
            return duration(c.DURATION().getSymbol(), span(c));
        } else if (ctx instanceof QflParser.StringLiteralContext c) {
            return string(c.STRING().getSymbol());
        } else if (ctx instanceof QflParser.BooleanLiteralContext c) {
            return new Expr.BoolLit(c.value.getType() == QflLexer.TRUE, span(c));
        } else if (ctx instanceof QflParser.ListLiteralContext c) {
            return list(c.list());
        } else if (ctx instanceof QflParser.AggregateCallContext c) {
            return new Expr.Aggregate(identifier(c.callee), bool(c.operand), identifier(c.dimension), range(c.range()),
                    span(c));
        } else if (ctx instanceof QflParser.CallContext c) {
            List<Argument> args = new ArrayList<>();
            for (QflParser.ArgumentContext a : c.argument()) {
                if (a instanceof QflParser.NamedArgumentContext n) {
                    args.add(new Argument(identifier(n.name), argumentValue(n.value), span(n)));
                } else {
                    QflParser.PositionalArgumentContext p = (QflParser.PositionalArgumentContext) a;
                    args.add(new Argument(null, argumentValue(p.value), span(p)));
                }
            }
            return new Expr.Call(identifier(c.callee), args, span(c));
        } else if (ctx instanceof QflParser.NameReferenceContext c) {
            return new Expr.Name(c.identifier().getText(), span(c));
        } else if (ctx instanceof QflParser.ParenthesizedContext c) {
            return bool(c.booleanExpression());
        }
        throw new IllegalStateException("unhandled primary " + ctx.getClass().getSimpleName());
    }

    private Expr argumentValue(QflParser.ArgumentValueContext ctx) {
        if (ctx instanceof QflParser.RangeValueContext c) {
            return range(c.range());
        }
        return bool(((QflParser.BooleanValueContext) ctx).booleanExpression());
    }

    private Expr.ListLit list(QflParser.ListContext ctx) {
        return new Expr.ListLit(ctx.argumentValue().stream().map(this::argumentValue).toList(), span(ctx));
    }

    private Expr.Range range(QflParser.RangeContext ctx) {
        return new Expr.Range(value(ctx.low), value(ctx.high), ctx.step == null ? null : value(ctx.step), span(ctx));
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
