package dev.qfl.stdlib.models.theta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the fixtures written by stdlib/src/test/r/theta_fixtures.R. */
final class ThetaFixtures {

    /** One series with what forecast::thetaf made of it. */
    record Case(String id, int m, int h, boolean seasonal, double alpha, double drift, double sigma2, double[] y,
                double[] mean, double[] lo80, double[] hi80, double[] lo95, double[] hi95) {
    }

    private ThetaFixtures() {
    }

    static List<Case> thetafCases() {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String[] row : rows("series.csv")) {
            series.computeIfAbsent(row[0], k -> new ArrayList<>()).add(Double.parseDouble(row[2]));
        }
        Map<String, List<String[]>> forecasts = new LinkedHashMap<>();
        for (String[] row : rows("thetaf.csv")) {
            forecasts.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
        }
        List<Case> cases = new ArrayList<>();
        for (String[] fit : rows("thetaf_fit.csv")) {
            String id = fit[0];
            List<String[]> fc = forecasts.get(id);
            cases.add(new Case(id, Integer.parseInt(fit[1]), Integer.parseInt(fit[2]), Boolean.parseBoolean(fit[4].toLowerCase()),
                    Double.parseDouble(fit[5]), Double.parseDouble(fit[6]), Double.parseDouble(fit[7]),
                    series.get(id).stream().mapToDouble(Double::doubleValue).toArray(),
                    column(fc, 2), column(fc, 3), column(fc, 4), column(fc, 5), column(fc, 6)));
        }
        return cases;
    }

    static double[] series(String id) {
        return thetafCases().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().y();
    }

    private static double[] column(List<String[]> rows, int index) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r[index])).toArray();
    }

    private static List<String[]> rows(String name) {
        try (InputStream in = ThetaFixtures.class.getResourceAsStream("/fixtures/theta/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].trim().split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
