package dev.qfl.stdlib.data.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What can be told about a SQL statement before it runs. A data source only reads: a statement
 * that changes data ({@code DELETE}, {@code DROP}, ...) is refused by {@code qfl check}, because
 * JDBC drivers may run it before noticing that it returns no rows.
 */
public final class SqlText {
    private static final Set<String> QUERY_WORDS = Set.of("select", "with", "from", "values", "table", "(", "pivot",
            "unpivot", "summarize", "describe", "show");

    private SqlText() {
    }

    /** The first word of {@code sql} when it does not start a query, else empty. */
    public static Optional<String> notAQuery(String sql) {
        String first = firstWord(sql);
        if (first.isEmpty()) {
            return Optional.of("");
        }
        return QUERY_WORDS.contains(first.toLowerCase(Locale.ROOT)) ? Optional.empty() : Optional.of(first);
    }

    /** The first word after white space and comments ({@code -- ...} and {@code /* ... *}{@code /}). */
    static String firstWord(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        if (i >= n) {
            return "";
        }
        if (sql.charAt(i) == '(') {
            return "(";
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return i > start ? sql.substring(start, i) : sql.substring(start, start + 1);
    }
}
