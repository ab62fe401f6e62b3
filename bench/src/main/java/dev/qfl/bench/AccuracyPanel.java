package dev.qfl.bench;

import dev.qfl.stdlib.data.CsvLoader;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.Panel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One real panel of the accuracy benchmark and its protocol.
 *
 * @param name    short name printed in the tables
 * @param file    the CSV file (long format: id, date, value), relative to the data folder
 * @param horizon steps held out per window
 * @param season  seasonal period in steps, used by the models, the seasonal naive and the MASE scale
 * @param devset  whether the panel belongs to the development set, whose peers' scores are known
 */
record AccuracyPanel(String name, String file, int horizon, int season, boolean devset) {

    /**
     * The development set (its README fixes H and m per frequency) and the three original panels
     * (daily 14 steps with a weekly season, monthly 12 with a yearly one, as README's evaluation).
     */
    static final List<AccuracyPanel> STANDARD = List.of(
            new AccuracyPanel("weekly", "devset/weekly.csv", 13, 52, true),
            new AccuracyPanel("monthly", "devset/monthly.csv", 12, 12, true),
            new AccuracyPanel("quarterly", "devset/quarterly.csv", 8, 4, true),
            new AccuracyPanel("yearly", "devset/yearly.csv", 6, 1, true),
            new AccuracyPanel("flights", "flights_daily.csv", 14, 7, false),
            new AccuracyPanel("employment", "us_employment_sectors.csv", 12, 12, false),
            new AccuracyPanel("weather", "weather_daily.csv", 14, 7, false));

    Panel load(Path dataFolder) {
        Path path = dataFolder.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no file " + path + " (give the data folder with --data DIR)");
        }
        return new CsvLoader().load(name, path, new CsvOptions("date", "value", "id", null, null, null)).panel();
    }
}
