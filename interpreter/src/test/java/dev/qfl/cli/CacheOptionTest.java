package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ExampleScripts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --cache DIR} keeps trained models in one folder; a second run loads instead of training. */
class CacheOptionTest {
    @TempDir
    Path dir;

    private String run(Path cache, Path script) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"--cache", cache.toString(), "run", script.toString()},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainedModelsGoToTheGivenFolderAndAreReused() throws Exception {
        Path data = ExampleScripts.repoRoot().resolve("examples/data/retail.csv");
        Path script = dir.resolve("tiny.qfl");
        Files.writeString(script, "series demand = csv(\"" + data + "\", time: \"date\", value: \"units\", id: \"sku\")\n"
                + "model iq = iqf(demand, horizon: 2, context: 8, epochs: 1, hidden: 8, batch: 32, knots: 5)\n"
                + "fit iq\n");
        Path cache = dir.resolve("models");
        String first = run(cache, script);
        assertFalse(first.contains("loaded from"), first);
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".qflm")).count());
        }
        assertFalse(Files.exists(dir.resolve(".qfl")), "nothing cached beside the script");
        String second = run(cache, script);
        assertTrue(second.contains("loaded from"), second);
    }
}
