package dev.qfl.eval.query;

import dev.qfl.stdlib.data.Frequency;
import java.time.LocalDateTime;

/** How a forecast time is shown in an answer's date columns. */
public final class DateCells {
    private DateCells() {
    }

    /** Daily and coarser series show dates; hourly ones show date and time. */
    public static Object of(Frequency f, LocalDateTime t) {
        return f.hasTimeOfDay() ? t : t.toLocalDate();
    }
}
