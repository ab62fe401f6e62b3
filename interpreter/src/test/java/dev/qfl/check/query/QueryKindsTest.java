package dev.qfl.check.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ast.Expr;
import dev.qfl.check.CheckResult;
import dev.qfl.check.Checker;
import dev.qfl.check.QueryKind;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.syntax.ParseResult;
import dev.qfl.syntax.ScriptParser;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry of query kinds is complete, and each kind resolves to its own record. */
class QueryKindsTest {
    static final String HEADER = """
            series demand = csv("data/retail.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 14, season: 7)
            """;

    /** One question of every kind. */
    static final String EVERY_KIND = HEADER + """
            quantile(demand, [0.5, 0.9])
            probability(120 >= demand)
            tradeoff(demand, 0.90..0.92 step 0.01)
            newsvendor(demand, underage: 4, overage: 1)
            interval(demand, 0.8)
            service(demand, stock: -5)
            quantile(sum(demand over horizon 1..3), 0.5) assuming independence
            probability(sum(demand over horizon 2..3) > 500) assuming independence
            tradeoff(sum(demand over horizon 1..2), [0.9, 0.95]) assuming independence
            correlation(demand) assuming independence
            sample(demand, 4) assuming independence
            plot fan(demand, naive, history: 30) to "fan.png"
            plot quantile_function(demand) using naive where id == "A-17" and horizon == 1 to "qf.png"
            """;

    static CheckResult check(String script) {
        SourceFile file = new SourceFile("t.qfl", script);
        ParseResult parsed = ScriptParser.parse(file);
        assertTrue(parsed.ok(), () -> "did not parse: " + parsed.diagnostics());
        return new Checker(ModelRegistry.standard(), file).check(parsed.script(), Scope.empty());
    }

    /** The resolved question of each kind in {@link #EVERY_KIND}. */
    static Map<QueryKind, ResolvedQuery> everyKind() {
        CheckResult r = check(EVERY_KIND);
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        Map<QueryKind, ResolvedQuery> byKind = new EnumMap<>(QueryKind.class);
        r.queries().values().forEach(q -> byKind.put(q.kind(), q));
        return byKind;
    }

    @Test
    void everyKindHasItsOwnForm() {
        Set<QueryForm> forms = new HashSet<>();
        for (QueryKind kind : QueryKind.values()) {
            QueryForm form = kind.form();
            assertTrue(forms.add(form), kind + " shares its form");
            assertEquals("id", form.columns().get(0).name(), kind.toString());
            assertTrue(form.example().startsWith(form.function() + "("), form.example());
            if (!kind.isSum()) {
                assertEquals(kind, QueryKind.byFunction(kind.function()).orElseThrow());
            }
        }
    }

    @Test
    void everyTotalKindIsTheTotalFormOfOneQuestion() {
        for (QueryKind total : QueryKind.values()) {
            List<QueryKind> bases = EnumSet.allOf(QueryKind.class).stream()
                    .filter(k -> k.form().totalKind().filter(t -> t == total).isPresent()).toList();
            assertEquals(total.isSum() ? 1 : 0, bases.size(), total + " is the total of " + bases);
            bases.forEach(base -> {
                assertEquals(base.function(), total.function());
                assertFalse(base.isSum());
            });
        }
    }

    @Test
    void everyKindResolvesToItsOwnRecordAndVisitorMethod() {
        Map<QueryKind, ResolvedQuery> byKind = everyKind();
        assertEquals(EnumSet.allOf(QueryKind.class), byKind.keySet());
        byKind.forEach((kind, q) -> assertEquals(kind, q.accept(new KindNamer()), q.getClass().getSimpleName()));
    }

    @Test
    void eachRecordHoldsWhatItsQuestionSaid() {
        Map<QueryKind, ResolvedQuery> byKind = everyKind();
        assertEquals(List.of(new BigDecimal("0.5"), new BigDecimal("0.9")),
                ((ResolvedQuery.Quantile) byKind.get(QueryKind.QUANTILE)).levels());
        var probability = (ResolvedQuery.Probability) byKind.get(QueryKind.PROBABILITY);
        assertEquals(Expr.BinaryOp.LE, probability.comparison()); // 120 >= demand reads demand <= 120
        assertEquals(new BigDecimal("120"), probability.threshold());
        assertEquals(3, ((ResolvedQuery.Tradeoff) byKind.get(QueryKind.TRADEOFF)).levels().size());
        var newsvendor = (ResolvedQuery.Newsvendor) byKind.get(QueryKind.NEWSVENDOR);
        assertEquals(new BigDecimal("4"), newsvendor.underage());
        assertEquals(new BigDecimal("1"), newsvendor.overage());
        assertEquals(List.of(new BigDecimal("0.8")), ((ResolvedQuery.Interval) byKind.get(QueryKind.INTERVAL)).levels());
        assertEquals(new BigDecimal("-5"), ((ResolvedQuery.Service) byKind.get(QueryKind.SERVICE)).stock());
        var total = (ResolvedQuery.TotalProbability) byKind.get(QueryKind.SUM_PROBABILITY);
        assertEquals(2, total.sumFrom());
        assertEquals(3, total.sumTo());
        assertEquals(Expr.BinaryOp.GT, total.comparison());
        assertEquals(0, byKind.get(QueryKind.QUANTILE).sumTo(), "only totals have a last summed step");
        assertEquals(2, ((ResolvedQuery.TotalTradeoff) byKind.get(QueryKind.SUM_TRADEOFF)).levels().size());
        assertEquals(4, ((ResolvedQuery.Sample) byKind.get(QueryKind.SAMPLE)).paths());
        assertEquals(30, ((ResolvedQuery.Fan) byKind.get(QueryKind.FAN)).history());
        ResolvedQuery curve = byKind.get(QueryKind.QUANTILE_FUNCTION);
        assertEquals("naive", curve.model());
        assertEquals(1, curve.maxHorizon(), "the condition's bound on the horizon");
        assertTrue(byKind.get(QueryKind.CORRELATION).independent());
        assertEquals("demand", byKind.get(QueryKind.CORRELATION).series());
    }

    @Test
    void aFanWithoutHistoryDrawsTheDefault() {
        CheckResult r = check(HEADER + "plot fan(demand, naive) to \"fan.png\"\n");
        assertEquals(0, ((ResolvedQuery.Fan) r.queries().values().iterator().next()).history());
    }

    /** Names the kind by the visitor method a record calls, so a record wired to another kind's method fails. */
    private static final class KindNamer implements ResolvedQuery.Visitor<QueryKind> {
        public QueryKind quantile(ResolvedQuery.Quantile q) {
            return QueryKind.QUANTILE;
        }

        public QueryKind probability(ResolvedQuery.Probability q) {
            return QueryKind.PROBABILITY;
        }

        public QueryKind tradeoff(ResolvedQuery.Tradeoff q) {
            return QueryKind.TRADEOFF;
        }

        public QueryKind newsvendor(ResolvedQuery.Newsvendor q) {
            return QueryKind.NEWSVENDOR;
        }

        public QueryKind interval(ResolvedQuery.Interval q) {
            return QueryKind.INTERVAL;
        }

        public QueryKind service(ResolvedQuery.Service q) {
            return QueryKind.SERVICE;
        }

        public QueryKind totalQuantile(ResolvedQuery.TotalQuantile q) {
            return QueryKind.SUM_QUANTILE;
        }

        public QueryKind totalProbability(ResolvedQuery.TotalProbability q) {
            return QueryKind.SUM_PROBABILITY;
        }

        public QueryKind totalTradeoff(ResolvedQuery.TotalTradeoff q) {
            return QueryKind.SUM_TRADEOFF;
        }

        public QueryKind correlation(ResolvedQuery.Correlation q) {
            return QueryKind.CORRELATION;
        }

        public QueryKind sample(ResolvedQuery.Sample q) {
            return QueryKind.SAMPLE;
        }

        public QueryKind fan(ResolvedQuery.Fan q) {
            return QueryKind.FAN;
        }

        public QueryKind quantileFunction(ResolvedQuery.QuantileFunction q) {
            return QueryKind.QUANTILE_FUNCTION;
        }
    }
}
