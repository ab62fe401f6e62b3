package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qfl.stdlib.data.CovariateSpec;
import dev.qfl.stdlib.data.Covariates;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window inputs made of past covariates, static attributes and holidays, and the saved schema. */
class CovariateFeaturesTest {
    private static final LocalDateTime START = LocalDateTime.of(2024, 12, 20, 0, 0);

    private static TimeSeries series(String id, double[] past, String category) {
        double[] values = new double[past.length];
        boolean[] observed = new boolean[past.length];
        java.util.Arrays.fill(observed, true);
        return new TimeSeries(id, Frequency.DAY, START, values, observed,
                new Covariates(new double[0][], new double[][] {past}, List.of(category), 0));
    }

    private static Panel panel(TimeSeries... series) {
        return new Panel("p", Frequency.DAY, List.of(series), Support.REAL, "f", "test", null,
                new CovariateSpec(List.of(), List.of("stock"), List.of("category"), "US"));
    }

    @Test
    void windowsSeeThePastSummaryTheStaticCodeAndTheHolidays() {
        Panel train = panel(series("a", new double[] {1, 3, 1, 3, 1, 3, 1, 3}, "food"),
                series("b", new double[] {5, 5, 5, 5, 5, 5, 5, 5}, "food"), series("c", new double[8], "toys"));
        CovariateSchema schema = CovariateSchema.of(train);
        assertEquals(List.of(List.of("food", "toys")), schema.vocabulary(), "most frequent first");
        WindowLayout layout = WindowLayout.of(Frequency.DAY, 4, 7, 7, WindowCentre.LAST).withCovariates(schema);
        CovariateFeatures features = new CovariateFeatures(layout, train.series());
        float[] window = new float[4];
        features.writeWindow(0, 8, window, 0);
        // stock normalised by its own mean 2 and spread 1: the last value 3 is +1, the context mean 0
        assertArrayEquals(new float[] {1f, 0f, 1f, 0f}, window, 1e-6f);
        float[] toys = new float[4];
        features.writeWindow(2, 8, toys, 0);
        assertArrayEquals(new float[] {0f, 0f, 0f, 1f}, toys, 1e-6f);
        float[] step = new float[1];
        features.writeStep(0, 5, step, 0);   // 2024-12-25
        assertEquals(1f, step[0]);
        features.writeStep(0, 6, step, 0);
        assertEquals(0f, step[0]);
        // a value never seen in training gets no code
        CovariateFeatures other = new CovariateFeatures(layout, List.of(series("d", new double[8], "garden")));
        float[] garden = new float[4];
        other.writeWindow(0, 8, garden, 0);
        assertArrayEquals(new float[4], garden);
    }

    @Test
    void theSchemaIsSavedAndReadBack() throws Exception {
        CovariateSchema schema = CovariateSchema.of(panel(series("a", new double[3], "food"), series("b", new double[3], "toys")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        schema.write(new DataOutputStream(bytes));
        assertEquals(schema, CovariateSchema.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    }
}
