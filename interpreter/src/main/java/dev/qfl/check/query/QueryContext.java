package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.stdlib.diag.DiagnosticCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What a kind's checks may ask of the checker while reading a call's arguments: values known
 * before running, series references, and a place to report problems. The checker implements it, so
 * the kinds need none of its internals.
 */
public interface QueryContext {
    /** Reports an error at {@code at}. */
    void error(DiagnosticCode code, Expr at, String message, String... hints);

    /**
     * The series an argument names, reporting anything else. {@code sum(x over horizon a..b)} names
     * {@code x}; the checker remembers the total and turns the question into its total form.
     */
    Optional<String> series(Expr argument);

    /** The probability levels an argument gives (a number, a list or a range), or none after reporting why. */
    List<BigDecimal> levels(Expr argument);

    /** The number an argument folds to before running, if it does. */
    Optional<BigDecimal> number(Expr argument);

    /** The argument's number when it is a whole number from {@code low} to {@code high}. */
    Optional<Integer> wholeNumber(Expr argument, int low, int high);
}
