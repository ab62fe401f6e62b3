package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.model.Reporter.EpochReport;
import dev.qfl.terminal.CliReporter;
import dev.qfl.terminal.ProgressLine;
import dev.qfl.terminal.Verbosity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String err() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBarIsFilledInProportionToTheEpochsDone() {
        // 4 of 10 epochs in 40 s: 60 s left
        String frame = ProgressLine.frame(new EpochReport("iq", 4, 10, 0.5, Double.NaN, 40_000), 100);
        String bar = frame.substring(frame.indexOf('[') + 1, frame.indexOf(']'));
        assertEquals(30, bar.length());
        assertEquals("=".repeat(12) + " ".repeat(18), bar);
        assertTrue(frame.startsWith("fit iq ["), frame);
        assertTrue(frame.endsWith(" 4/10  loss 0.5000  eta 1:00"), frame);
    }

    @Test
    void aNarrowTerminalGetsAShorterLineThatNeverWraps() {
        EpochReport r = new EpochReport("a_model_with_a_long_name", 7, 20, 1.25, 1.5, 7_000);
        for (int columns : new int[] {20, 40, 60, 79}) {
            String frame = ProgressLine.frame(r, columns);
            assertTrue(frame.length() <= columns, columns + ": " + frame);
        }
        assertTrue(ProgressLine.frame(r, 200).contains("val 1.5000"));
    }

    @Test
    void durationsReadAsMinutesOrHours() {
        assertEquals("0:00", ProgressLine.duration(0));
        assertEquals("1:05", ProgressLine.duration(65_000));
        assertEquals("1:01:01", ProgressLine.duration(3_661_000));
    }

    @Test
    void theBarIsRedrawnInPlaceAndErasedAfterTheLastEpoch() {
        ProgressLine line = new ProgressLine(err, 80);
        line.show(new EpochReport("m", 1, 2, 1, Double.NaN, 100));
        line.show(new EpochReport("m", 2, 2, 1, Double.NaN, 200));
        String s = err();
        assertTrue(s.startsWith("\rfit m ["), s);
        assertTrue(s.endsWith("\r\u001b[K"), "erased at the end: " + s);
        assertTrue(!s.contains("\n"), "never a new line");
    }

    @Test
    void withoutATerminalEpochsAreSilentUnlessVerbose() {
        EpochReport r = new EpochReport("m", 3, 10, 0.25, Double.NaN, 1500);
        new CliReporter(err, Verbosity.NORMAL, null).epoch(r);
        new CliReporter(err, Verbosity.QUIET, null).epoch(r);
        assertEquals("", err());
        new CliReporter(err, Verbosity.VERBOSE, null).epoch(r);
        assertEquals("fit m: epoch 3/10, training loss 0.25000 (1.5 s)\n", err());
    }

    @Test
    void warningsGoToStderrAndClearABarFirst() {
        ProgressLine line = new ProgressLine(err, 80);
        CliReporter reporter = new CliReporter(err, Verbosity.NORMAL, line);
        reporter.epoch(new EpochReport("m", 1, 5, 1, Double.NaN, 100));
        reporter.warn("the cached model is unusable; retraining");
        assertTrue(err().endsWith("\r\u001b[Kwarning: the cached model is unusable; retraining\n"), err());
        new CliReporter(err, Verbosity.QUIET, null).warn("not shown");
        assertTrue(!err().contains("not shown"));
    }
}
