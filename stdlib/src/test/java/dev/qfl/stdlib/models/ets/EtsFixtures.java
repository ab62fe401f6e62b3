package dev.qfl.stdlib.models.ets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** R's forecast::ets results on devset series (made by src/test/r/ets_fixtures.R). */
final class EtsFixtures {

    static final List<String> IDS = List.of("sk_uk_drivers_ksi", "sm_elec_equip", "arch_ff_rf", "pm_ausbeer",
            "pm_austres", "sk_uschange_consumption", "sm_dk_lry", "sm_nile", "sm_fertility_kor", "pm_lynx");

    /** One series: its training values and R's fits. */
    record Series(String id, int season, int horizon, double[] y, RFit auto, List<RFit> forced) {
        List<RFit> allFits() {
            final List<RFit> all = new ArrayList<>();
            all.add(auto);
            all.addAll(forced);
            return all;
        }
    }

    /** One R fit; beta, gamma, phi are NaN when the model lacks them; the initial state is in R's order. */
    record RFit(String model, String label, double alpha, double beta, double gamma, double phi, double[] initialState,
                double loglik, double aicc, double sigma2, double[] mean, double[] lower80, double[] upper80,
                double[] lower95, double[] upper95) {
    }

    private EtsFixtures() {
    }

    static List<Series> all() {
        final List<Series> series = new ArrayList<>();
        for (String id : IDS) {
            series.add(load(id));
        }
        return series;
    }

    static Series load(String id) {
        try (InputStream in = EtsFixtures.class.getResourceAsStream("/fixtures/ets/" + id + ".json")) {
            final JsonNode root = new ObjectMapper().readTree(in);
            final List<RFit> forced = new ArrayList<>();
            root.get("forced").forEach(node -> forced.add(fit(node)));
            return new Series(id, root.get("season").asInt(), root.get("horizon").asInt(), doubles(root.get("y")),
                    fit(root.get("auto")), forced);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RFit fit(JsonNode node) {
        return new RFit(node.get("model").asText(), node.get("label").asText(), node.get("alpha").asDouble(),
                optional(node, "beta"), optional(node, "gamma"), optional(node, "phi"),
                doubles(node.get("initial_state")), node.get("loglik").asDouble(), node.get("aicc").asDouble(),
                node.get("sigma2").asDouble(), doubles(node.get("mean")), doubles(node.get("lower80")),
                doubles(node.get("upper80")), doubles(node.get("lower95")), doubles(node.get("upper95")));
    }

    private static double optional(JsonNode node, String name) {
        final JsonNode value = node.get(name);
        return value == null || value.isNull() || (value.isObject() && value.isEmpty()) ? Double.NaN : value.asDouble();
    }

    private static double[] doubles(JsonNode array) {
        final double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    /** The spec a code names (no search). */
    static EtsSpec spec(String code) {
        final EtsModelCode parsed = EtsModelCode.parse(code);
        final EtsSpec.Season season = switch (parsed.season()) {
            case 'A' -> EtsSpec.Season.ADDITIVE;
            case 'M' -> EtsSpec.Season.MULTIPLICATIVE;
            default -> EtsSpec.Season.NONE;
        };
        return new EtsSpec(parsed.error() == 'M', parsed.trend() == 'A', parsed.damped(), season);
    }

    /** R lists seasonal states most recent first; the filter wants them in the order they are used. */
    static double[] nextFirst(double[] rState, EtsSpec spec, int m) {
        final double[] state = rState.clone();
        if (spec.seasonal()) {
            final int start = spec.trend() ? 2 : 1;
            for (int k = 0; k < m; k++) {
                state[start + k] = rState[start + m - 1 - k];
            }
        }
        return state;
    }

    /** An EtsFit with R's parameters, initial states and sigma2 (the state run through the series by our filter). */
    static EtsFit atRParameters(Series series, RFit r) {
        final EtsSpec spec = spec(r.model());
        final int m = spec.seasonal() ? series.season() : 1;
        final double[] initial = nextFirst(r.initialState(), spec, m);
        final double[] last = new double[initial.length];
        final double criterion = EtsFilter.run(spec, m, r.alpha(), r.beta(), r.gamma(),
                spec.damped() ? r.phi() : 1.0, initial, series.y(), new double[m], null, last);
        return new EtsFit(spec, m, new EtsParameters(r.alpha(), r.beta(), r.gamma(), r.phi(), initial), last,
                r.sigma2(), -0.5 * criterion, Double.NaN, series.y().length);
    }
}
