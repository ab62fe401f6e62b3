package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void data() throws IOException {
        CliRun.writeSales(dir);
    }

    private String script(String text) throws IOException {
        return CliRun.script(dir, text);
    }

    @Test
    void aCleanScriptPassesAndSaysSo() throws IOException {
        String file = script(CliRun.HEADER);
        CliRun run = CliRun.of("check", file);
        assertEquals(0, run.exit(), run.err());
        // NEW (two rows) is too short for the model: a warning, which does not fail the check
        assertTrue(run.err().contains("warning[QF3201]"), run.err());
        assertEquals(file + ": ok (1 warning)\n", run.out());
    }

    @Test
    void errorsAreListedWithACountAndExitOne() throws IOException {
        String file = script(CliRun.HEADER + "quantile(demand, 95)\nquantile(demand, 0.5) using nothing\n");
        CliRun run = CliRun.of("check", file);
        assertEquals(1, run.exit());
        assertTrue(run.err().contains(file + ":3:18: error[QF2006]"), run.err());
        assertTrue(run.err().contains(file + ":4:29: error[QF2001]"), run.err());
        assertTrue(run.err().endsWith(file + ": 2 errors\n"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void jsonFormatDescribesEveryDiagnostic() throws IOException {
        String text = CliRun.HEADER + "quantile(demand, 95)\nquantile(demand, [0.5, 1.5])\n";
        String file = script(text);
        CliRun run = CliRun.of("check", "--format", "json", file);
        assertEquals(1, run.exit());
        assertEquals("", run.err(), "json mode keeps stderr clean");
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(file, doc.get("file").asText());
        assertEquals(2, doc.get("errors").asInt());
        assertEquals(0, doc.get("warnings").asInt());
        JsonNode diagnostics = doc.get("diagnostics");
        assertEquals(2, diagnostics.size());
        List<String> lines = text.lines().toList();
        // expected positions found independently in the source text: 1-based columns, exclusive end
        int col95 = lines.get(2).indexOf("95") + 1;
        int col15 = lines.get(3).indexOf("1.5") + 1;
        JsonNode first = diagnostics.get(0);
        assertEquals("QF2006", first.get("code").asText());
        assertEquals("error", first.get("severity").asText());
        assertEquals(file, first.get("file").asText());
        assertEquals(3, first.get("line").asInt());
        assertEquals(col95, first.get("column").asInt());
        assertEquals(col95 + 2, first.get("endColumn").asInt());
        assertTrue(first.get("message").asText().contains("95"));
        assertTrue(first.get("hints").isArray() && first.get("hints").size() >= 1);
        JsonNode second = diagnostics.get(1);
        assertEquals(4, second.get("line").asInt());
        assertEquals(col15, second.get("column").asInt());
        assertEquals(col15 + 3, second.get("endColumn").asInt());
    }

    @Test
    void jsonOfACleanScriptHasNoDiagnosticsAndExitsZero() throws IOException {
        CliRun run = CliRun.of("check", script(CliRun.HEADER), "--format=json");
        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(0, doc.get("errors").asInt());
        // NEW (two rows) is too short for the model: one warning, positioned at a statement
        assertEquals(1, doc.get("warnings").asInt());
        JsonNode warning = doc.get("diagnostics").get(0);
        assertEquals("warning", warning.get("severity").asText());
        assertTrue(warning.get("code").asText().startsWith("QF3"), warning.toString());
    }

    @Test
    void anUnknownFormatIsAUsageError() throws IOException {
        CliRun run = CliRun.of("check", "--format", "xml", script(CliRun.HEADER));
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("xml"), run.err());
    }
}
