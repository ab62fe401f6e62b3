package dev.qfl.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The development set's peer results (statsforecast on the same protocol): the seasonal naive's
 * wQL per case, which the relative scores divide by, and the published summary rows, printed
 * beside QFL's for comparison.
 */
final class PeerScores {
    /** One summary row of {@code peers_summary.csv}. */
    record Summary(String group, String method, String protocol, int cases, double meanWql, double gmRelWql,
                   double cov80, double meanMase) {
    }

    private final Map<String, Double> naiveWql;
    private final List<Summary> summaries;

    private PeerScores(Map<String, Double> naiveWql, List<Summary> summaries) {
        this.naiveWql = naiveWql;
        this.summaries = summaries;
    }

    /** Empty when the folder has no peer files (then relative scores use QFL's own seasonal naive). */
    static PeerScores read(Path devsetFolder) throws IOException {
        Map<String, Double> naive = new HashMap<>();
        List<Summary> summaries = new ArrayList<>();
        Path rolling = devsetFolder.resolve("peers_rolling.csv");
        Path summary = devsetFolder.resolve("peers_summary.csv");
        if (Files.isRegularFile(rolling)) {
            for (CSVRecord r : records(rolling)) {
                if (r.get("method").equals("SeasonalNaive")) {
                    naive.put(key(r.get("id"), Integer.parseInt(r.get("window"))), Double.parseDouble(r.get("wql")));
                }
            }
        }
        if (Files.isRegularFile(summary)) {
            for (CSVRecord r : records(summary)) {
                summaries.add(new Summary(r.get("group"), r.get("method"), r.get("protocol"),
                        Integer.parseInt(r.get("cases")), Double.parseDouble(r.get("mean_wql")),
                        Double.parseDouble(r.get("gm_rel_wql")), Double.parseDouble(r.get("cov80")),
                        Double.parseDouble(r.get("mean_mase"))));
            }
        }
        return new PeerScores(naive, summaries);
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static String key(String id, int window) {
        return id + "#" + window;
    }

    /** statsforecast's SeasonalNaive wQL on this case, if known. */
    Double naiveWql(String id, int window) {
        return naiveWql.get(key(id, window));
    }

    List<Summary> summaries(String group, String protocol) {
        return summaries.stream().filter(s -> s.group().equals(group) && s.protocol().equals(protocol)).toList();
    }
}
