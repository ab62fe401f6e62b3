package dev.qfl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's scorer reproduces the development set's published scores from the peers' own
 * quantile forecasts (four cases, one per frequency, copied from the devset's files), as its README
 * asks of any scorer before its figures are compared.
 */
class CaseScoreTest {

    @Test
    void reproducesThePeersScoresFromTheirForecasts() throws IOException {
        Map<String, List<CSVRecord>> forecasts = new LinkedHashMap<>();
        for (CSVRecord r : read("peer_forecasts.csv")) {
            forecasts.computeIfAbsent(r.get("id") + "|" + r.get("method") + "|" + r.get("window"), k -> new ArrayList<>()).add(r);
        }
        List<CSVRecord> scores = read("peer_scores.csv");
        assertEquals(4, scores.size());
        for (CSVRecord expected : scores) {
            List<CSVRecord> rows = forecasts.get(expected.get("id") + "|" + expected.get("method") + "|" + expected.get("window"));
            double[][] quantiles = new double[rows.size()][9];
            double[] actual = new double[rows.size()];
            for (int h = 0; h < rows.size(); h++) {
                actual[h] = Double.parseDouble(rows.get(h).get("actual"));
                for (int i = 0; i < 9; i++) {
                    quantiles[h][i] = Double.parseDouble(rows.get(h).get("q0." + (i + 1)));
                }
            }
            CaseScore score = CaseScore.of("devset", expected.get("method"), expected.get("id"), 1, quantiles, actual,
                    Double.parseDouble(expected.get("mase_scale")));
            String what = expected.get("id") + " " + expected.get("method");
            assertEquals(Double.parseDouble(expected.get("wql")), score.wql(), 5e-5 * score.wql(), what + " wql");
            assertEquals(Double.parseDouble(expected.get("cov80")), score.cov80(), 1e-5, what + " cov80");
            assertEquals(Double.parseDouble(expected.get("mase")), score.mase(), 5e-5 * score.mase(), what + " mase");
        }
    }

    @Test
    void aPerfectForecastScoresZeroAndCoversEverything() {
        double[] actual = {3, -1, 4};
        double[][] quantiles = new double[3][9];
        for (int h = 0; h < 3; h++) {
            java.util.Arrays.fill(quantiles[h], actual[h]);
        }
        CaseScore score = CaseScore.of("p", "m", "s", 1, quantiles, actual, 2.0);
        assertEquals(0.0, score.wql());
        assertEquals(1.0, score.cov80());
        assertEquals(0.0, score.mase());
    }

    private static List<CSVRecord> read(String name) throws IOException {
        try (Reader in = new InputStreamReader(CaseScoreTest.class.getResourceAsStream("/fixtures/accuracy/" + name),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
