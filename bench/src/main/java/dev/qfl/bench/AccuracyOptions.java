package dev.qfl.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code qfl bench accuracy}.
 *
 * @param models   model kinds to run (empty: every per-step kind)
 * @param panels   panels to run, in order
 * @param data     the folder holding the panels and {@code devset/}
 * @param windows  rolling origins (window 1 is the holdout)
 * @param cases    where to write every case's scores as CSV, or null
 * @param settings option overrides as {@code kind.option → value}, e.g. {@code ets.form → "ANN"}
 * @param quantiles where to write every forecast's quantiles 0.1..0.9 with the actuals, or null
 */
record AccuracyOptions(List<String> models, List<AccuracyPanel> panels, Path data, int windows, Path cases,
                       Map<String, Object> settings, Path quantiles) {

    static final String USAGE = """
            usage: qfl bench accuracy [--models a,b,...] [--panels p,q,...] [--data DIR] [--windows N]
                                      [--cases FILE.csv] [--quantiles FILE.csv] [--set kind.option=value ...]
              --models   model kinds (default: every kind that answers per-step questions)
              --panels   weekly, monthly, quarterly, yearly (the devset), flights, employment, weather (default: all)
              --data     folder with the panels and devset/ (default: ../shared/data)
              --windows  rolling origins, the last being the holdout (default: 3)
              --cases    write every case's scores to this CSV file
              --quantiles write every forecast's quantiles 0.1..0.9 and the actuals to this CSV file
              --set      an option for one kind, e.g. --set ets.form=ANN, --set iqf.epochs=50 or
                         --set auto.candidates=[ets,theta,arima]""";

    static AccuracyOptions parse(String[] args) {
        List<String> models = List.of();
        List<AccuracyPanel> panels = AccuracyPanel.STANDARD;
        Path data = Path.of("..", "shared", "data");
        int windows = 3;
        Path cases = null;
        Path quantiles = null;
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--models" -> models = List.of(value.split(","));
                case "--panels" -> panels = panels(value);
                case "--data" -> data = Path.of(value);
                case "--windows" -> windows = positive(value);
                case "--cases" -> cases = Path.of(value);
                case "--quantiles" -> quantiles = Path.of(value);
                case "--set" -> {
                    int eq = value.indexOf('=');
                    if (eq < 0 || value.indexOf('.') < 0 || value.indexOf('.') > eq) {
                        throw new IllegalArgumentException("--set takes kind.option=value, got " + value);
                    }
                    settings.put(value.substring(0, eq), typed(value.substring(eq + 1)));
                }
                default -> throw new IllegalArgumentException("unknown argument " + flag);
            }
        }
        return new AccuracyOptions(models, panels, data, windows, cases, settings, quantiles);
    }

    private static List<AccuracyPanel> panels(String names) {
        List<AccuracyPanel> out = new ArrayList<>();
        for (String name : names.split(",")) {
            out.add(AccuracyPanel.STANDARD.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no panel '" + name + "'; the panels are "
                            + String.join(", ", AccuracyPanel.STANDARD.stream().map(AccuracyPanel::name).toList()))));
        }
        return out;
    }

    private static int positive(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--windows needs a whole number of at least 1, got " + text);
    }

    /**
     * A list for {@code [a,b,...]} (of typed elements), a number when it reads as one (whole numbers
     * as Integer), true/false, or else the text.
     */
    private static Object typed(String text) {
        if (text.startsWith("[") && text.endsWith("]")) {
            List<Object> out = new ArrayList<>();
            for (String part : text.substring(1, text.length() - 1).split(",")) {
                if (!part.isBlank()) {
                    out.add(typed(part.trim()));
                }
            }
            return List.copyOf(out);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        try {
            double d = Double.parseDouble(text);
            return d == Math.rint(d) && Math.abs(d) < 1e9 ? (Object) (int) d : (Object) d;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    @Override
    public String toString() {
        return "models=" + models + " panels=" + Arrays.toString(panels.stream().map(AccuracyPanel::name).toArray());
    }
}
