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

    /**
     * For files: numbers rounded to {@link #FILE_DIGITS} significant digits. Quantiles come out of
     * floating-point sums, so full precision would print noise such as 82.79999999999998 for 82.8;
     * twelve digits are far finer than any forecast and drop that noise.
     */
    public static String exact(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            return fileNumber(d);
        }
        if (cell instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        }
        return cell.toString();
    }

    /** Significant digits of numbers written to CSV and JSON files. */
    public static final int FILE_DIGITS = 12;
    private static final java.math.MathContext FILE_PRECISION = new java.math.MathContext(FILE_DIGITS, RoundingMode.HALF_EVEN);

    /** A number as written to files: 12 significant digits, plain notation unless very large or small. */
    public static String fileNumber(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        BigDecimal b = BigDecimal.valueOf(d).round(FILE_PRECISION).stripTrailingZeros();
        if (b.signum() == 0) {
            return "0";
        }
        double magnitude = Math.abs(d);
        boolean plain = magnitude >= 1e-6 && magnitude < 1e15;
        return plain ? (b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString()) : b.toString();
    }

    /** The double a file holds for {@code d}: {@code d} rounded as {@link #fileNumber} writes it. */
    public static double fileValue(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? d : Double.parseDouble(fileNumber(d));
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
