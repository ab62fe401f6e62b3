package dev.qfl.examples;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class GoldenTextTest {
    @Test
    void numbersMatchWithinToleranceAndTextExactly() {
        assertNull(GoldenText.difference("a  1.000  b", "a 1.0004 b", 1e-3));
        assertNotNull(GoldenText.difference("a 1.0 b", "a 1.1 b", 1e-3));
        assertNotNull(GoldenText.difference("id A-17", "id A-18", 1));
        assertNotNull(GoldenText.difference("x 1", "x 1 2", 1));
        assertNull(GoldenText.difference("v 0", "v 0.0000001", 1e-6));
    }

    @Test
    void timingColumnsAreMasked() {
        String table = "model  wql  train_s  predict_s\n-----  ---  -------  ---------\nnaive  0.2    0.005      12.25\n(1 row)";
        String masked = GoldenText.maskColumns(table, java.util.Set.of("train_s", "predict_s"));
        assertNull(GoldenText.difference("model wql train_s predict_s ----- --- ------- --------- naive 0.2 * * (1 row)",
                masked, 0));
    }
}
