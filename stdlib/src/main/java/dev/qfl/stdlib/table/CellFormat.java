package dev.qfl.stdlib.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How cells are written as text, shared by the console renderer and the exporters. */
public final class CellFormat {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private CellFormat() {
    }

    /** For display: numbers rounded to 4 decimals with trailing zeros dropped. */
    public static String display(Object cell) {
        if (cell instanceof Double d) {
            return decimal(d, 4);
        }
        return exact(cell);
    }

    /** For files: numbers with full precision (shortest text that reads back to the same double). */
    public static String exact(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : d.toString();
        }
        if (cell instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        }
        return cell.toString();
    }

    static String decimal(double d, int places) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        BigDecimal b = BigDecimal.valueOf(d).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (b.signum() == 0) {
            return "0";
        }
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }
}
