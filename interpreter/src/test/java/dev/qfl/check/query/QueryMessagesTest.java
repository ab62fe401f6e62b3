package dev.qfl.check.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qfl.check.CheckResult;
import dev.qfl.diag.Diagnostic;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks each kind's form makes, pinned word for word (code, position, message, hints): they
 * were recorded from the checker before the kinds became one object each, and must not drift.
 */
class QueryMessagesTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("quantile(demand)",
                        "QF2010 3:1 quantile takes a series and the level(s) | [e.g. quantile(demand, 0.9)]"),
                Arguments.of("quantile(demand, 95)",
                        "QF2006 3:18 level 95 is outside (0, 1) | [levels are probabilities: did you mean 0.95?]"),
                Arguments.of("quantile(demand, [])",
                        "QF2010 3:18 the list of levels is empty, so there is nothing to answer | [give at least one level, e.g. [0.5, 0.9]]"),
                Arguments.of("tradeoff(demand)",
                        "QF2010 3:1 tradeoff takes a series and the level(s) | [e.g. tradeoff(demand, 0.90..0.99 step 0.01)]"),
                Arguments.of("interval(demand, 0.9, 0.8)",
                        "QF2010 3:1 interval takes a series and the level(s) | [e.g. interval(demand, 0.9)]"),
                Arguments.of("probability(demand == 3)",
                        "QF2010 3:1 probability takes a comparison of a series with a number | [e.g. probability(demand <= 120)]"),
                Arguments.of("probability(demand <= x)",
                        "QF2003 3:23 the threshold must be a number known before running | []"),
                Arguments.of("probability(demand <= 1e300 * 1e300)",
                        "QF2005 3:23 the threshold 1e+600 is beyond the range of numbers QFL computes with (about 1.8e308) | []"),
                Arguments.of("newsvendor(demand)",
                        "QF2015 3:1 newsvendor needs the option 'underage' | ['underage' is the cost of each unit of demand not covered, e.g. newsvendor(demand, underage: 4, overage: 1)] // QF2015 3:1 newsvendor needs the option 'overage' | ['overage' is the cost of each unit of stock left over, e.g. newsvendor(demand, underage: 4, overage: 1)]"),
                Arguments.of("newsvendor(demand, underage: 4, overage: 0)",
                        "QF2005 3:42 newsvendor's option 'overage' must be a positive number known before running | []"),
                Arguments.of("newsvendor(demand, underage: 1e-400, overage: 1)",
                        "QF2005 3:30 newsvendor's option 'underage' is 1e-400, which is below the range of numbers QFL computes with | [costs only matter through their ratio: scale both, e.g. underage: 4, overage: 1]"),
                Arguments.of("newsvendor(demand, underage: 1e300, overage: 1e-300)",
                        "QF2005 3:1 the critical ratio underage / (underage + overage) rounds to 1: the costs are too far apart for any stock level to balance them | [keep the two costs within a factor of about 1e15 of each other]"),
                Arguments.of("newsvendor(demand, underage: 4, overage: 1, overage: 2)",
                        "QF2016 3:45 option 'overage' is given twice | []"),
                Arguments.of("newsvendor(demand, underage: 4, overage: 1, ovrage: 2)",
                        "QF2004 3:45 newsvendor has no option 'ovrage' | [did you mean 'overage'?]"),
                Arguments.of("service(demand, stock: x)",
                        "QF2003 3:24 service's option 'stock' must be a number known before running | []"),
                Arguments.of("service(demand, 3)",
                        "QF2015 3:1 service needs the option 'stock' | ['stock' is the stock on hand to cover demand, e.g. service(demand, stock: 120)] // QF2010 3:1 service takes one series and named options | [e.g. service(demand, stock: 120)]"),
                Arguments.of("quantile(demand, 0.5, stock: 3)",
                        "QF2004 3:23 quantile has no option 'stock' | [quantile takes no options]"),
                Arguments.of("correlation(demand)",
                        "QF2017 3:1 correlation is a question about how the horizon steps move together, and naive is univariate: it learns each step on its own | [a joint model (mqf2) answers it; with a univariate model add 'assuming independence' only if the steps are really independent]"),
                Arguments.of("correlation(demand, 2)",
                        "QF2010 3:1 correlation takes one series | [e.g. correlation(demand)]"),
                Arguments.of("sample(demand, 2.5) assuming independence",
                        "QF2005 3:16 the number of paths is a whole number from 1 to 100000 | []"),
                Arguments.of("sample(demand)",
                        "QF2010 3:1 sample takes a series and the number of paths | [e.g. sample(demand, 100)]"),
                Arguments.of("sample(demand, 3) assuming independence where path > 3",
                        "QF2020 3:47 no row can meet this condition: path is one of 1, 2, 3 | [compare path with one of these values, or leave that part out]"),
                Arguments.of("interval(sum(demand over horizon 1..7), 0.9)",
                        "QF2010 3:10 interval of a total over the horizon is not available yet | [ask quantile(sum(...), level), probability(sum(...) <= x) or tradeoff(sum(...), levels)]"),
                Arguments.of("quantile(sum(demand over horizon 3..2), 0.9) assuming independence",
                        "QF2013 3:34 a total runs over whole horizon steps a..b with 1 <= a <= b | [e.g. horizon 1..7]"),
                Arguments.of("quantile(sum(demand over horizon 1..20), 0.9) assuming independence",
                        "QF2007 3:34 horizon 20 is beyond naive's horizon of 14 | []"),
                Arguments.of("quantile(sum(demand over horizon 1..7), 0.9)",
                        "QF2017 3:10 sum(... over horizon ...) is a joint question about several horizon steps at once, and naive is univariate: it learns each step on its own, not how the steps move together | [a joint model (mqf2) answers it; with a univariate model add 'assuming independence' only if the steps are really independent]"),
                Arguments.of("quantile(max(demand over horizon 1..7), 0.9)",
                        "QF2009 3:10 totals are written sum(SERIES over horizon A..B) | [e.g. sum(demand over horizon 1..7)]"),
                Arguments.of("quantile(sum(demand over horizon 1..7), 0.9) assuming independence where horizon == 1",
                        "QF2014 3:74 the result has no column 'horizon' | [columns: id, date_from, date_to, level, value]"),
                Arguments.of("quantile(demand, 0.9) assuming independence",
                        "QF2019 3:1 'assuming independence' only applies to joint questions such as quantile(sum(demand over horizon 1..7), 0.95) | []"),
                Arguments.of("fan(demand, naive)",
                        "QF2019 3:1 fan(...) is a picture; draw it with plot | [e.g. plot fan(demand, MODEL) where id == \"A-17\" to \"out/chart.png\"]"),
                Arguments.of("plot fan(demand, naive, history: 2.5) to \"x.png\"",
                        "QF2005 3:34 fan's option 'history' is the number of past steps drawn: a whole number from 1 to 10000 | [e.g. history: 104]"),
                Arguments.of("plot fan(demand, naive, history: 0) to \"x.png\"",
                        "QF2005 3:34 fan's option 'history' must be a positive number known before running | []"),
                Arguments.of("plot fan(demand, naive, histroy: 5) to \"x.png\"",
                        "QF2004 3:25 fan has no option 'histroy' | [did you mean 'history'?]"),
                Arguments.of("plot fan(demand, naive) using naive to \"x.png\"",
                        "QF2010 3:18 the model is given twice: as an argument and with using | []"),
                Arguments.of("plot fan(demand, 3) to \"x.png\"",
                        "QF2010 3:18 expected the name of a model | []"),
                Arguments.of("plot fan() to \"x.png\"",
                        "QF2010 3:6 fan takes a series and its model | [e.g. fan(demand, MODEL)]"),
                Arguments.of("foo(demand)",
                        "QF2009 3:1 there is no function 'foo' | [queries: quantile, probability, tradeoff, newsvendor, interval, service, correlation, sample]"),
                Arguments.of("service(demand, stock: 5) where stock == 6",
                        "QF2020 3:33 no row can meet this condition: stock is 5 | [compare stock with one of these values, or leave that part out]"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theKindsChecksSayWhatTheyAlwaysSaid(String line, String expected) {
        CheckResult r = QueryKindsTest.check(QueryKindsTest.HEADER + line + "\n");
        assertEquals(expected, r.diagnostics().stream().map(QueryMessagesTest::show).collect(Collectors.joining(" // ")));
    }

    private static String show(Diagnostic d) {
        return d.code() + " " + d.span().line() + ":" + d.span().column() + " " + d.message() + " | " + d.hints();
    }
}
