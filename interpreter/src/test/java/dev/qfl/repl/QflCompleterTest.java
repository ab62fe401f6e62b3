package dev.qfl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.model.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QflCompleterTest {
    @TempDir
    Path dir;
    private QflCompleter completer;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/retail.csv"), "");
        Files.writeString(dir.resolve("data/notes.txt"), "");
        Files.writeString(dir.resolve("weekly.qfl"), "");
        Files.writeString(dir.resolve(".hidden.qfl"), "");
        DeclaredNames names = new DeclaredNames(List.of("demand"), List.of("naive", "iq"), List.of("plan"));
        completer = new QflCompleter(new LanguageWords(ModelRegistry.standard()), () -> names, new FileSuggestions(dir));
    }

    /** Completions with the cursor at the end of the text. */
    private List<String> values(String text) {
        return completer.suggest(text, text.length()).stream().map(QflCompleter.Suggestion::value).toList();
    }

    @Test
    void anEmptyLineOffersKeywordsFunctionsModelKindsAndDeclaredNames() {
        List<String> all = values("");
        for (String expected : List.of("series", "model", "let", "fit", "export", "using", "where", "quantile",
                "probability", "seasonal_naive", "csv", "load", "demand", "naive", "plan")) {
            assertTrue(all.contains(expected), expected + " missing from " + all);
        }
    }

    @Test
    void whatIsTypedFiltersTheCandidates() {
        assertEquals(List.of("quantile", "quantile_function", "quantreg"), values("qu"));
        assertTrue(values("p").containsAll(List.of("probability", "plan", "plot")), values("p").toString());
        assertTrue(values("p").stream().allMatch(v -> v.startsWith("p")), values("p").toString());
        assertEquals(List.of("demand"), values("quantile(dem"));
    }

    @Test
    void insideAModelCallTheKindsOptionsAndTheSeriesAreOffered() {
        List<String> open = values("model m = seasonal_naive(");
        assertTrue(open.contains("horizon: ") && open.contains("season: ") && open.contains("demand"), open.toString());
        assertFalse(open.contains("series"), "no keywords inside the call: " + open);
        assertEquals(List.of("horizon: "), values("model m = seasonal_naive(demand, ho"));
        assertEquals(List.of("season: "), values("model m = seasonal_naive(demand, horizon: 7, se"));
    }

    @Test
    void anEnsembleOffersDeclaredModelsAndItsWeights() {
        assertTrue(values("model e = ").containsAll(List.of("ensemble", "ets", "theta", "arima", "auto")), values("model e = ").toString());
        assertEquals(List.of("naive", "iq", "weights: "), values("model e = ensemble("));
        assertEquals(List.of("iq"), values("model e = ensemble(naive, i"));
        assertTrue(values("model a = auto(").contains("candidates: "), values("model a = auto(").toString());
    }

    @Test
    void csvOptionsAndTheirAllowedWords() {
        assertEquals(List.of("freq: ", "fill: "), values("series s = csv(\"data/retail.csv\", f"));
        assertEquals(List.of("hour", "day", "week", "month", "quarter", "year"),
                values("series s = csv(\"data/retail.csv\", time: \"date\", freq: "));
        assertEquals(List.of("previous"), values("series s = csv(\"x.csv\", time: \"d\", fill: pr"));
    }

    @Test
    void databaseSourcesAndTheirOptionsAreOffered() {
        assertTrue(values("series s = ").containsAll(List.of("csv", "sql", "parquet")), values("series s = ").toString());
        assertEquals(List.of("credentials: "), values("series s = sql(\"select * from t\", cr"));
        assertTrue(values("series s = parquet(\"x.parquet\", ").contains("time: "), values("series s = parquet(\"x.parquet\", ").toString());
    }

    @Test
    void usingFitAndSaveOfferModels() {
        assertEquals(List.of("naive", "iq"), values("quantile(demand, 0.9) using "));
        assertEquals(List.of("naive", "iq"), values("fit "));
        assertEquals(List.of("iq"), values("fit naive, i"));
        assertEquals(List.of("naive"), values("save n"));
        assertEquals(List.of("demand"), values("evaluate naive on "));
    }

    @Test
    void theRightSideOfADeclarationOffersWhatItNeeds() {
        List<String> kinds = values("model m = ");
        assertTrue(kinds.contains("seasonal_naive") && kinds.contains("load"), kinds.toString());
        assertFalse(kinds.contains("demand") || kinds.contains("quantile"), kinds.toString());
        assertEquals(List.of("csv", "sql", "parquet"), values("series s = "));
        assertEquals(List.of(), values("model "), "a new name is the user's to choose");
    }

    @Test
    void aStatementOnALaterLineIsCompletedOnItsOwnTerms() {
        assertEquals(List.of("csv", "sql", "parquet"), values("model m = seasonal_naive(demand, horizon: 3)\nseries s = "));
    }

    @Test
    void whereOffersTheColumnsOfTheQuery() {
        assertEquals(List.of("id", "date", "horizon", "threshold", "probability"),
                values("probability(demand <= 60) using naive where "));
        assertEquals(List.of("horizon"), values("quantile(demand, 0.9) where id == \"A\" and ho"));
    }

    @Test
    void metaCommandsAndTheirArguments() {
        List<String> commands = values(":");
        assertEquals(List.of(":help", ":load", ":ast", ":tables", ":models", ":describe", ":quit"), commands);
        assertEquals(List.of(":describe"), values(":de"));
        List<String> describe = values(":describe ");
        assertTrue(describe.containsAll(List.of("demand", "naive", "plan", "seasonal_naive", "csv")), describe.toString());
        assertEquals(List.of("quantile", "quantile_function", "quantreg"), values(":ast qu"));
    }

    @Test
    void filesAreOfferedForLoadAndInCsvPaths() {
        assertEquals(List.of("data/", "weekly.qfl"), values(":load "), "no hidden files, only scripts and folders");
        assertEquals(List.of(), values(":load data/"), "data/ holds no scripts");
        assertEquals(List.of("data/retail.csv"), values("series s = csv(\"data/"), "csv offers .csv files");
        assertEquals(List.of("data/"), values("series s = csv(\"da"));
        assertEquals(List.of(), values("export plan to \"da"), "only data sources complete file names");
    }

    @Test
    void theWordBeingCompletedStartsWhereTheCompleterSays() {
        assertEquals(9, QflCompleter.wordStart("quantile(dem", 12));
        assertEquals(0, QflCompleter.wordStart(":de", 3));
        assertEquals(6, QflCompleter.wordStart(":load data/re", 13));
        assertEquals(16, QflCompleter.wordStart("series s = csv(\"data/re", 23));
        assertEquals(4, QflCompleter.wordStart("fit ", 4));
    }
}
