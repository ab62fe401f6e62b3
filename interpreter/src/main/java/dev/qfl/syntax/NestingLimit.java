package dev.qfl.syntax;

import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.grammar.QflLexer;
import dev.qfl.grammar.QflParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The one limit on how deeply a script may nest, so that every pass after parsing (AST builder,
 * checker, formatter, planner, executor, AST printer), all of which recurse over the tree, fits on
 * a default 1 MB thread stack.
 *
 * <p>The measure is the depth of ANTLR's parse tree, taken once, iteratively (the measurement
 * itself cannot overflow). It counts what the later passes pay for: a bracket or call costs
 * several levels (as it costs several stack frames in each pass), and a chain of left-associative
 * operators ({@code a and b and c}, {@code 1 + 1 + 1}) one level per operator, since it is a deep
 * tree even without a single parenthesis.
 *
 * <p>Before parsing, a linear scan of the tokens gives a lower bound of that depth from brackets
 * and prefix operators alone. Input that already exceeds the limit there is rejected without
 * being parsed: ANTLR recurses on brackets, and on deeply nested calls its look-ahead (is this
 * {@code f(x over ...)} or {@code f(x)}?) is quadratic, so 100,000 nested calls took a minute.
 */
final class NestingLimit {
    /**
     * Parse-tree levels a script may use: about 200 nested calls, 330 nested parentheses, or a
     * chain of about 1,000 operators. The largest accepted inputs of each shape are tested through
     * every pass on the default stack (DeepInputTest), with room to spare.
     */
    static final int MAX_DEPTH = 1000;

    /** Parse-tree levels a bracket adds at least: e.g. {@code (} is primary, boolean and value expression. */
    private static final int LEVELS_PER_BRACKET = 3;

    private final int maxDepth;
    private final SourceFile file;

    NestingLimit(int maxDepth, SourceFile file) {
        this.maxDepth = maxDepth;
        this.file = file;
    }

    /**
     * Rejects text whose brackets and prefix operators alone nest deeper than the limit. A lower
     * bound of the parse tree's depth, so it rejects nothing that {@link #checkTree} would accept.
     * Lexes only as far as the point where the limit is crossed: 100,000 nested calls are
     * rejected after a few hundred tokens.
     */
    Optional<Diagnostic> checkTokens(TokenSource lexer) {
        Deque<Integer> open = new ArrayDeque<>(); // per open bracket, the depth it adds
        Deque<Chains> outer = new ArrayDeque<>(); // the chains of the levels around the open brackets
        Chains chains = new Chains();
        int depth = 0;
        int prefixRun = 0; // prefix operators just before this point, which enclose what follows
        Token previous = null;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            if (type == QflLexer.NOT || type == QflLexer.MINUS && !endsOperand(previous)) {
                prefixRun++;
            } else if (type == QflLexer.LPAREN || type == QflLexer.LBRACK) {
                int added = prefixRun + LEVELS_PER_BRACKET;
                open.push(added);
                outer.push(chains);
                chains = new Chains();
                depth += added;
                prefixRun = 0;
            } else {
                if ((type == QflLexer.RPAREN || type == QflLexer.RBRACK) && !open.isEmpty()) {
                    depth -= open.pop();
                    chains = outer.pop();
                } else {
                    chains.next(type, endsOperand(previous) && startsOperand(type));
                }
                prefixRun = 0;
            }
            if (depth + prefixRun + chains.longest() > maxDepth) {
                return Optional.of(tooDeep(t));
            }
            previous = t;
        }
        return Optional.empty();
    }

    /**
     * The chains of one operator class running at one bracket level ({@code a - b - c}: 2), each
     * a left spine of that many parse-tree levels. ANTLR parses them in a loop, but a chain of
     * '-' costs it quadratic look-ahead (each '-' could also start a new statement), so long ones
     * are rejected here, before parsing. Anything that is not an operand or a binary operator
     * ends the chains, and so do two operands in a row (a new statement).
     */
    private static final class Chains {
        private int or;
        private int and;
        private int additive;
        private int multiplicative;

        void next(int type, boolean newStatement) {
            switch (type) {
                case QflLexer.OR -> {
                    or++;
                    and = additive = multiplicative = 0;
                }
                case QflLexer.AND -> {
                    and++;
                    additive = multiplicative = 0;
                }
                case QflLexer.PLUS, QflLexer.MINUS -> {
                    additive++;
                    multiplicative = 0;
                }
                case QflLexer.STAR, QflLexer.SLASH -> multiplicative++;
                case QflLexer.EQ, QflLexer.NEQ, QflLexer.LT, QflLexer.LE, QflLexer.GT, QflLexer.GE ->
                    additive = multiplicative = 0;
                default -> {
                    if (newStatement || !startsOperand(type)) {
                        or = and = additive = multiplicative = 0;
                    }
                }
            }
        }

        int longest() {
            return Math.max(Math.max(or, and), Math.max(additive, multiplicative));
        }
    }

    private static boolean startsOperand(int type) {
        return type == QflLexer.NUMBER || type == QflLexer.DURATION || type == QflLexer.STRING
                || type == QflLexer.IDENTIFIER || type == QflLexer.TRUE || type == QflLexer.FALSE
                || type == QflLexer.STEP || type == QflLexer.INDEPENDENCE || type == QflLexer.BACKTEST;
    }

    /** Whether a '-' after this token is a binary minus. */
    private static boolean endsOperand(Token previous) {
        if (previous == null) {
            return false;
        }
        int type = previous.getType();
        return type == QflLexer.NUMBER || type == QflLexer.DURATION || type == QflLexer.STRING
                || type == QflLexer.IDENTIFIER || type == QflLexer.TRUE || type == QflLexer.FALSE
                || type == QflLexer.RPAREN || type == QflLexer.RBRACK || type == QflLexer.INDEPENDENCE
                || type == QflLexer.BACKTEST;
    }

    /**
     * Rejects a parse tree deeper than the limit, pointing at the node where the limit is crossed:
     * the operator of a chain that is too long, or the start of the construct that is nested too
     * deeply. Iterative, so any depth can be measured.
     */
    Optional<Diagnostic> checkTree(ParserRuleContext root) {
        Deque<ParserRuleContext> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        while (!nodes.isEmpty()) {
            ParserRuleContext node = nodes.pop();
            int depth = depths.pop();
            if (depth > maxDepth) {
                return Optional.of(tooDeep(crossingToken(node)));
            }
            for (int i = 0; i < node.getChildCount(); i++) {
                ParseTree child = node.getChild(i);
                if (child instanceof ParserRuleContext c) {
                    nodes.push(c);
                    depths.push(depth + 1);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The operator, when the limit is crossed in a chain of operators or in one of its operands
     * (an operand is a few levels below its operator); otherwise where the node starts.
     */
    private static Token crossingToken(ParserRuleContext node) {
        ParserRuleContext at = node;
        for (int up = 0; up < 3 && at != null; up++, at = at.getParent()) {
            Token op = operator(at);
            if (op != null) {
                return op;
            }
        }
        return node.getStart();
    }

    private static Token operator(ParserRuleContext node) {
        if (node instanceof QflParser.LogicalBinaryContext b) {
            return b.op;
        }
        if (node instanceof QflParser.ArithmeticBinaryContext a) {
            return a.op;
        }
        return null;
    }

    private Diagnostic tooDeep(Token at) {
        int start = Math.max(0, at.getStartIndex());
        int length = at.getType() == Token.EOF ? 1 : Math.max(1, at.getStopIndex() - at.getStartIndex() + 1);
        return Diagnostic.error(DiagnosticCode.TOO_DEEP, file, file.spanAt(start, length),
                "this expression is nested too deeply to read",
                "QFL reads up to about " + maxDepth / 5 + " nested calls or brackets, or a chain of about " + maxDepth
                        + " operators such as 'and' or '+'; split it into smaller parts with let, or use 'in [...]'");
    }
}
