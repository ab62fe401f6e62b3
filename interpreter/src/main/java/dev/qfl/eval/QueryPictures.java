package dev.qfl.eval;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.forecast.ForecastSet;
import org.jfree.chart.ui.Drawable;

/**
 * The plot runner's half of the picture kinds: each resolved record goes to its own drawing, typed,
 * so a fan reads its {@code history:} from its record rather than by testing what it is. As a
 * visitor of {@link ResolvedQuery}, a new kind does not compile until it says whether it draws.
 * The table kinds never reach here: the executor only draws a query whose kind is plot-only, and
 * the checker refuses any other question in {@code plot} before running.
 */
final class QueryPictures implements ResolvedQuery.Visitor<Drawable> {
    private final Panel panel;
    private final ForecastSet forecast;
    private final Scope scope;

    QueryPictures(Panel panel, ForecastSet forecast, Scope scope) {
        this.panel = panel;
        this.forecast = forecast;
        this.scope = scope;
    }

    @Override
    public Drawable fan(ResolvedQuery.Fan q) {
        return PlotRunner.fan(q, panel, forecast, scope);
    }

    @Override
    public Drawable quantileFunction(ResolvedQuery.QuantileFunction q) {
        return PlotRunner.quantileFunction(q, panel, forecast, scope);
    }

    @Override
    public Drawable quantile(ResolvedQuery.Quantile q) {
        throw table(q);
    }

    @Override
    public Drawable probability(ResolvedQuery.Probability q) {
        throw table(q);
    }

    @Override
    public Drawable tradeoff(ResolvedQuery.Tradeoff q) {
        throw table(q);
    }

    @Override
    public Drawable newsvendor(ResolvedQuery.Newsvendor q) {
        throw table(q);
    }

    @Override
    public Drawable interval(ResolvedQuery.Interval q) {
        throw table(q);
    }

    @Override
    public Drawable service(ResolvedQuery.Service q) {
        throw table(q);
    }

    @Override
    public Drawable totalQuantile(ResolvedQuery.TotalQuantile q) {
        throw table(q);
    }

    @Override
    public Drawable totalProbability(ResolvedQuery.TotalProbability q) {
        throw table(q);
    }

    @Override
    public Drawable totalTradeoff(ResolvedQuery.TotalTradeoff q) {
        throw table(q);
    }

    @Override
    public Drawable correlation(ResolvedQuery.Correlation q) {
        throw table(q);
    }

    @Override
    public Drawable sample(ResolvedQuery.Sample q) {
        throw table(q);
    }

    /** An internal error: a table question drawn directly instead of through its answer. */
    private static IllegalStateException table(ResolvedQuery q) {
        return new IllegalStateException(q.kind().function() + " is answered as a table, not drawn as a picture");
    }
}
