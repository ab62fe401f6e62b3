package dev.qfl.stdlib.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which columns of a source are covariates, and which holiday calendar applies: the options
 * {@code covariates:}, {@code past:}, {@code static:} and {@code holidays:} of every row source.
 *
 * @param dynamic  numeric columns known in the future: their future values come as rows after a
 *                 series' last target value, with the target empty
 * @param past     numeric columns known only up to now (rows after the last target are ignored)
 * @param statics  per-series attributes, constant per series (any text)
 * @param holidays a holiday calendar code ({@code "US"}, {@code "DE-BY"}), or null for none
 */
public record CovariateSpec(List<String> dynamic, List<String> past, List<String> statics, String holidays) {

    /** No covariates and no holidays. */
    public static final CovariateSpec NONE = new CovariateSpec(List.of(), List.of(), List.of(), null);

    public CovariateSpec {
        dynamic = List.copyOf(dynamic);
        past = List.copyOf(past);
        statics = List.copyOf(statics);
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>(dynamic);
        all.addAll(past);
        all.addAll(statics);
        for (String c : all) {   // the parameters: the fields are assigned only after this body
            if (!seen.add(Objects.requireNonNull(c, "column"))) {
                throw new IllegalArgumentException("covariate column named twice: " + c);
            }
        }
    }

    /**
     * The spec of a source's checked options: {@code covariates}, {@code past} and {@code static}
     * as lists of column names (or one name), {@code holidays} as a calendar code.
     */
    public static CovariateSpec fromOptions(java.util.Map<String, Object> options) {
        return new CovariateSpec(names(options.get("covariates")), names(options.get("past")),
                names(options.get("static")), options.get("holidays") instanceof String h ? h : null);
    }

    private static List<String> names(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value instanceof String s ? List.of(s) : List.of();
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The numeric columns read per row: the dynamic covariates, then the past ones. */
    public List<String> numeric() {
        List<String> out = new ArrayList<>(dynamic);
        out.addAll(past);
        return List.copyOf(out);
    }

    /** Every covariate column, numeric first, then the static ones. */
    public List<String> columns() {
        List<String> out = new ArrayList<>(numeric());
        out.addAll(statics);
        return List.copyOf(out);
    }

    /** A stable text of the options, part of the data fingerprint (empty when there are none). */
    String canonical() {
        if (isEmpty()) {
            return "";   // fingerprints (and cached models) of panels without covariates stay as they were
        }
        return ";covariates=" + String.join(",", dynamic) + ";past=" + String.join(",", past) + ";static="
                + String.join(",", statics) + ";holidays=" + (holidays == null ? "" : holidays);
    }
}
