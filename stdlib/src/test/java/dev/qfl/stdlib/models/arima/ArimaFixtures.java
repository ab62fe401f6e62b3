package dev.qfl.stdlib.models.arima;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The R fixtures of stdlib/src/test/r/arima_fixtures.R: series, fixed-order fits and forecasts, auto.arima choices. */
final class ArimaFixtures {

    record Series(String id, int season, int horizon, double[] values) {
    }

    record FixedFit(String id, int[] order, int[] seasonalOrder, boolean constant, String[] names, double[] coefficients,
                    double sigma2, double logLikelihood, double aicc) {
    }

    record Forecast(String id, int step, double mean, double lo80, double hi80, double lo95, double hi95) {
    }

    record AutoChoice(String id, int[] orders, boolean constant, double aicc, int seasonalDiffs, int diffs,
                      double kpss) {
        String key() {
            return Arrays.toString(orders) + (constant ? " constant" : "");
        }
    }

    private ArimaFixtures() {
    }

    static Map<String, Series> series() {
        Map<String, Series> out = new LinkedHashMap<>();
        for (String[] f : rows("series.csv")) {
            out.put(f[0], new Series(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), numbers(f[3])));
        }
        return out;
    }

    static List<FixedFit> fixedFits() {
        List<FixedFit> out = new ArrayList<>();
        for (String[] f : rows("fixed_fits.csv")) {
            out.add(new FixedFit(f[0], ints(f, 1), ints(f, 4), Boolean.parseBoolean(f[7].toLowerCase()),
                    f[8].trim().split("\\s+"), numbers(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]),
                    Double.parseDouble(f[12])));
        }
        return out;
    }

    static List<Forecast> forecasts(String id) {
        List<Forecast> out = new ArrayList<>();
        for (String[] f : rows("fixed_forecasts.csv")) {
            if (f[0].equals(id)) {
                out.add(new Forecast(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            }
        }
        return out;
    }

    static List<AutoChoice> autoChoices() {
        List<AutoChoice> out = new ArrayList<>();
        for (String[] f : rows("auto_orders.csv")) {
            int[] orders = new int[6];
            for (int i = 0; i < 6; i++) {
                orders[i] = Integer.parseInt(f[1 + i].trim());
            }
            out.add(new AutoChoice(f[0], orders, Boolean.parseBoolean(f[7].toLowerCase()), Double.parseDouble(f[8]),
                    Integer.parseInt(f[9].trim()), Integer.parseInt(f[10].trim()), Double.parseDouble(f[11])));
        }
        return out;
    }

    private static int[] ints(String[] f, int from) {
        return new int[]{Integer.parseInt(f[from].trim()), Integer.parseInt(f[from + 1].trim()),
                Integer.parseInt(f[from + 2].trim())};
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    private static List<String[]> rows(String file) {
        try (InputStream in = ArimaFixtures.class.getResourceAsStream("/fixtures/arima/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.add(line.split(","));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
