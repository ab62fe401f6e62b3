package dev.qfl.check;

/**
 * What a {@code sql(...)} or {@code parquet(...)} declaration reads, as checked.
 *
 * @param function {@code sql} or {@code parquet}
 * @param url      the JDBC URL of {@code sql(url, query)}, or null for the embedded DuckDB
 * @param query    the query of {@code sql(...)}, or the path of {@code parquet(...)}
 */
public record QuerySource(String function, String url, String query) {
    public boolean isParquet() {
        return function.equals(SeriesSources.PARQUET);
    }
}
