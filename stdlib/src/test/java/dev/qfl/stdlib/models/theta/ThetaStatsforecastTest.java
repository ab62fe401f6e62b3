package dev.qfl.stdlib.models.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Point forecasts against statsforecast 2.1.1's AutoTheta (the devset peers' window 1), fitting the
 * variant statsforecast chose. statsforecast searches (ℓ0, α, θ) by Nelder-Mead from a fixed start,
 * we solve ℓ0 and θ exactly and search α, so the estimates differ within the optimisers' precision.
 */
class ThetaStatsforecastTest {

    @Test
    void pointForecastsAgreeWithAutoThetaForTheSameVariant() throws IOException {
        Map<String, ThetaFixtures.Case> cases = new LinkedHashMap<>();
        for (ThetaFixtures.Case c : ThetaFixtures.thetafCases()) {
            cases.put(c.id(), c);
        }
        Map<String, String> variants = new LinkedHashMap<>();
        Map<String, List<Double>> means = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/fixtures/theta/statsforecast_autotheta.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] row = lines[i].trim().split(",");
                variants.put(row[0], row[1]);
                means.computeIfAbsent(row[0], k -> new ArrayList<>()).add(Double.parseDouble(row[3]));
            }
        }
        double[] worstPerCase = new double[variants.size()];
        int index = 0;
        for (Map.Entry<String, String> e : variants.entrySet()) {
            ThetaFixtures.Case c = cases.get(e.getKey());
            double[] mean = Theta.fit(c.y(), c.m(), ThetaOptions.defaults().withVariant(e.getValue())).mean(c.h());
            List<Double> expected = means.get(e.getKey());
            double worst = 0;
            for (int j = 0; j < c.h(); j++) {
                double relative = Math.abs(mean[j] - expected.get(j)) / Math.abs(expected.get(j));
                worst = Math.max(worst, relative);
                assertEquals(expected.get(j), mean[j], 1e-2 * Math.abs(expected.get(j)), e.getKey() + " step " + (j + 1));
            }
            worstPerCase[index++] = worst;
        }
        Arrays.sort(worstPerCase);
        double median = worstPerCase[worstPerCase.length / 2];
        System.out.printf("theta vs statsforecast AutoTheta (same variant): median of the largest relative differences %.1e,"
                + " largest %.1e%n", median, worstPerCase[worstPerCase.length - 1]);
        assertTrue(median < 1e-3, "median relative difference " + median);
    }
}
