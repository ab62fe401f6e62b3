package dev.qfl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.api.QflEngine;
import dev.qfl.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code with} clause of what-if questions, checked before anything runs (QF2043-QF2046). */
class WhatIfCheckTest {
    private static final String SALES = "series sales = csv(\"sales.csv\", time: \"day\", value: \"units\", id: \"sku\", "
            + "covariates: [\"price\", \"promo\"], past: \"stock\", static: \"category\")\n"
            + "model ar = arima(sales, horizon: 7)\n"
            + "model iq = iqf(sales, horizon: 7)\n"
            + "model sn = seasonal_naive(sales, horizon: 7)\n"
            + "let discount = 0.9\n";

    private static List<Diagnostic> check(String question) {
        return QflEngine.builder().build().check("plan.qfl", SALES + question + "\n");
    }

    private static Diagnostic only(String question) {
        List<Diagnostic> d = check(question);
        assertEquals(1, d.size(), d.toString());
        return d.get(0);
    }

    @Test
    void wellFormedWhatIfsPassOnEveryKindOfQuestion() {
        assertEquals(List.of(), check("quantile(sales, 0.95) using iq with promo = 1 where horizon in 1..7"));
        assertEquals(List.of(), check("quantile(sales, [0.5, 0.9]) using ar with promo = 1, price = price * 0.9"));
        assertEquals(List.of(), check("probability(sales <= 40) using ar with price = -(price - 1) / 2 + discount"));
        assertEquals(List.of(), check("let t = interval(sales, 0.8) using iq with price = price * discount "
                + "where id == \"A\""));
    }

    @Test
    void aModelThatIgnoresCovariatesIsRefused() {
        Diagnostic d = only("quantile(sales, 0.9) using sn with promo = 1");
        assertEquals("QF2043", d.code());
        assertEquals(6, d.span().line());
        assertEquals(36, d.span().column(), "at the assignment: " + d);
        assertTrue(d.message().contains("does not use covariates"), d.message());
    }

    @Test
    void aSeriesReadWithoutCovariatesIsRefused() {
        List<Diagnostic> d = QflEngine.builder().build().check("plan.qfl", "series s = csv(\"s.csv\", time: \"day\", "
                + "value: \"units\")\nmodel ar = arima(s, horizon: 7)\nquantile(s, 0.9) using ar with promo = 1\n");
        assertEquals(1, d.size(), d.toString());
        assertEquals("QF2043", d.get(0).code());
        assertTrue(d.get(0).message().contains("s was read without any"), d.get(0).message());
    }

    @Test
    void anUnknownCovariateGetsADidYouMeanAndTheList() {
        Diagnostic d = only("quantile(sales, 0.9) using ar with promotion = 1");
        assertEquals("QF2044", d.code());
        assertEquals(36, d.span().column());
        assertTrue(d.hints().get(0).contains("promo") && d.hints().get(0).contains("price, promo"), d.hints().toString());
    }

    @Test
    void pastAndStaticCovariatesHaveNoFutureToChange() {
        Diagnostic past = only("quantile(sales, 0.9) using ar with stock = 0");
        assertEquals("QF2044", past.code());
        assertTrue(past.message().contains("past covariate"), past.message());
        Diagnostic fixed = only("quantile(sales, 0.9) using ar with category = 1");
        assertEquals("QF2044", fixed.code());
        assertTrue(fixed.message().contains("static attribute"), fixed.message());
    }

    @Test
    void aCovariateAssignedTwiceIsRefusedAtTheSecond() {
        Diagnostic d = only("quantile(sales, 0.9) using ar with promo = 1, promo = 0");
        assertEquals("QF2045", d.code());
        assertEquals(47, d.span().column());
    }

    @Test
    void aValueIsArithmeticOnNumbersAndTheCovariatesOwnPlan() {
        Diagnostic other = only("quantile(sales, 0.9) using ar with price = promo * 2");
        assertEquals("QF2046", other.code());
        assertEquals(44, other.span().column(), "at promo: " + other);
        assertTrue(other.message().contains("not promo's"), other.message());
        Diagnostic unknown = only("quantile(sales, 0.9) using ar with price = price * rebate");
        assertEquals("QF2046", unknown.code());
        assertTrue(unknown.message().contains("'rebate'"), unknown.message());
        assertEquals("QF2046", only("quantile(sales, 0.9) using ar with promo = \"yes\"").code());
        // a comparison is not a value in this place: the grammar takes arithmetic only
        assertEquals("QF1001", only("quantile(sales, 0.9) using ar with promo = promo > 0").code());
        assertEquals("QF2046", only("quantile(sales, 0.9) using ar with promo = f(1)").code());
    }
}
