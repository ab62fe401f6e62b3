package dev.qfl.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputCompletenessTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "quantile(demand,",
        "quantile(demand, [0.5, 0.9",
        "model m = seasonal_naive(demand,\n  horizon: 14",
        "quantile(demand, 0.9) using",
        "quantile(demand, 0.9) where horizon <=",
        "model naive =",
        "series demand",
        "fit a,",
        "export plan to",
    })
    void unfinishedInputAsksForAnotherLine(String text) {
        assertTrue(InputCompleteness.needsMore(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "quantile(demand, 0.9)",
        "quantile(demand, 0.9) using naive",
        "model naive = seasonal_naive(demand,\n  horizon: 14)",
        "# just a comment",
        ":load weekly.qfl",
        ":ast quantile(demand,",
        "quantile(demand, \"open",           // a string cannot continue on the next line
        "series = 3",                         // an error before the end: reported now
        "quantile(demand))",                  // one bracket too many
        "quantile(demand,\n",                 // Enter on an empty continuation line ends the entry
        "quantile(demand,\n   ",
    })
    void wholeOrHopelessInputIsRunNow(String text) {
        assertFalse(InputCompleteness.needsMore(text), text);
    }
}
