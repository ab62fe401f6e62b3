package dev.qfl.stdlib.models.combine;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.model.TrainingSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ensemble(m1, m2, ..., weights: [...])}: the weighted level-by-level average of other
 * models' quantile functions. Unlike the registered kinds it is made per declaration, from the
 * members' kinds and options, since what it fits is those members: a backtest refits each member
 * on every window, exactly as it would refit the member alone.
 */
public final class EnsembleKind implements ModelKind {
    public static final String NAME = "ensemble";

    /** A member: its declared name, kind and options as written. */
    public record Member(String name, ModelKind kind, Map<String, Object> options) {
        public Member {
            options = Map.copyOf(options);
        }
    }

    private final List<Member> members;
    private final double[] weights;

    /** @param weights one non-negative weight per member, not all zero (normalised here) */
    public EnsembleKind(List<Member> members, double[] weights) {
        if (members.size() < 2 || members.size() != weights.length) {
            throw new IllegalArgumentException("an ensemble needs two or more members and one weight each");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("ensemble weights must be finite and non-negative");
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the ensemble's weights add up to 0");
        }
        this.members = List.copyOf(members);
        this.weights = weights.clone();
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] /= total;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "the weighted level-by-level average of other models' quantile functions";
    }

    /** An ensemble's options are its members' and weights, given as arguments rather than options. */
    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    public List<Member> members() {
        return members;
    }

    /** Whether every member answers joint questions, so the ensemble's paths can be combined. */
    @Override
    public boolean joint() {
        return members.stream().allMatch(m -> m.kind().joint());
    }

    /** The members' resolved specs, in order. */
    public List<ModelSpec> memberSpecs(Frequency frequency) {
        List<ModelSpec> out = new ArrayList<>();
        for (Member m : members) {
            out.add(m.kind().resolve(m.options(), frequency));
        }
        return out;
    }

    @Override
    public ModelSpec resolve(Map<String, Object> given, Frequency frequency) {
        List<ModelSpec> specs = memberSpecs(frequency);
        int horizon = specs.get(0).horizon();
        for (int i = 1; i < specs.size(); i++) {
            if (specs.get(i).horizon() != horizon) {
                throw new IllegalArgumentException("the ensemble's members forecast different horizons: "
                        + members.get(0).name() + " " + horizon + ", " + members.get(i).name() + " " + specs.get(i).horizon());
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("horizon", horizon);
        options.put("members", specs.stream().map(ModelSpec::canonical).toList());
        List<Double> w = new ArrayList<>();
        for (double v : weights) {
            w.add(v);
        }
        options.put("weights", w);
        if (frequency != null) {
            options.put("frequency", frequency.keyword()); // the members' defaults (a season) follow from it
        }
        return new ModelSpec(NAME, options);
    }

    @Override
    public int minimumLength(ModelSpec spec) {
        int least = Integer.MAX_VALUE;
        List<ModelSpec> specs = memberSpecs(spec.option("frequency").flatMap(f -> Frequency.fromKeyword(String.valueOf(f)))
                .orElse(null));
        for (int i = 0; i < members.size(); i++) {
            least = Math.min(least, members.get(i).kind().minimumLength(specs.get(i)));
        }
        return least;
    }

    @Override
    public TrainedModel fit(Panel panel, ModelSpec spec, FitContext context) {
        long start = System.nanoTime();
        List<ModelSpec> specs = memberSpecs(panel.frequency());
        List<TrainedModel> fitted = new ArrayList<>();
        try {
            for (int i = 0; i < members.size(); i++) {
                context.checkCancelled();
                fitted.add(members.get(i).kind().fit(panel, specs.get(i), context));
            }
        } catch (RuntimeException e) {
            fitted.forEach(AutoModel::close);
            throw e;
        }
        TrainingSummary summary = TrainingSummary.instant(panel.series().size(), Duration.ofNanos(System.nanoTime() - start));
        return of(spec, summary, fitted, true);
    }

    /**
     * An ensemble of already fitted members.
     *
     * @param ownsMembers whether closing the ensemble releases its members (false when they belong
     *                    to their own declarations too)
     */
    public EnsembleModel of(ModelSpec spec, TrainingSummary summary, List<TrainedModel> fitted, boolean ownsMembers) {
        return new EnsembleModel(spec, summary, members.stream().map(Member::name).toList(), fitted, weights.clone(),
                ownsMembers);
    }
}
