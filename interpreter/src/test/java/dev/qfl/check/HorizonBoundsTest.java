package dev.qfl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ast.Expr;
import dev.qfl.diag.SourceFile;
import dev.qfl.syntax.ScriptParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The passes that became visitors keep their contracts for absent parts (a query without where). */
class HorizonBoundsTest {
    private static Expr condition(String text) throws Exception {
        Expr.Query q = (Expr.Query) ScriptParser.parseExpression(new SourceFile("t.qfl", "quantile(d, 0.5) where " + text));
        return q.condition();
    }

    private static Optional<Integer> upper(String text) throws Exception {
        return HorizonBounds.upper(condition(text), Scope.empty()).map(HorizonBounds.Bound::value);
    }

    @Test
    void aQueryWithoutConditionHasNoBound() {
        assertTrue(HorizonBounds.upper(null, Scope.empty()).isEmpty(), "the executor asks with a null condition");
        assertTrue(Constants.fold(null, Scope.empty()).isEmpty());
    }

    @Test
    void andKeepsTheTighterBoundOrTheLooserNotNone() throws Exception {
        assertEquals(Optional.of(3), upper("horizon <= 5 and horizon < 4"));
        assertEquals(Optional.of(9), upper("horizon in 1..9 or horizon == 2"));
        assertEquals(Optional.empty(), upper("horizon <= 5 or id == \"A\""));
        assertEquals(Optional.empty(), upper("not horizon > 5"));
        assertEquals(Optional.of(7), upper("id == \"A\" and 7 >= horizon"));
        assertEquals(Optional.of(4), upper("horizon in [1, 4, 2]"));
    }
}
