package dev.qfl.stdlib.data.sql;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a SQL source reads from and what it asks.
 *
 * @param url         a JDBC URL, or null for a fresh in-memory embedded DuckDB
 * @param query       the statement, a query (SELECT, WITH, ...)
 * @param credentials a properties file with user and password, or null (then the environment)
 * @param folder      the folder relative paths inside an embedded query resolve against (the script's)
 * @param root        for a session confined to a folder: that folder (DuckDB reads nothing outside
 *                    it), else null
 * @param source      a short description of the source for notes (a path, or a URL without parameters)
 * @param file        the one data file read ({@code parquet("x.parquet")}), or null (a query, a glob):
 *                    the panel names it, so an export does not silently replace its own input
 */
public record SqlRequest(String url, String query, Path credentials, Path folder, Path root, String source,
                         Path file) {
    public SqlRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(source, "source");
    }

    /** The same request described as {@code source} in notes (a path as the script wrote it). */
    public SqlRequest describedAs(String source) {
        return new SqlRequest(url, query, credentials, folder, root, source, file);
    }

    /** {@code sql("SELECT ...")}: an embedded DuckDB that reads files by path relative to {@code folder}. */
    public static SqlRequest embedded(String query, Path folder, Path root) {
        return new SqlRequest(null, query, null, folder, root, "DuckDB query", null);
    }

    /** {@code sql("jdbc:...", "SELECT ...")}. */
    public static SqlRequest jdbc(String url, String query, Path credentials, Path folder) {
        return new SqlRequest(url, query, credentials, folder, null, Credentials.describe(url), null);
    }

    /**
     * {@code parquet("path/or/*.parquet")}: DuckDB's {@code read_parquet} of the path resolved
     * against {@code folder} (a glob reads every matching file as one table).
     */
    public static SqlRequest parquet(String path, Path folder, Path root) {
        String absolute = folder.resolve(path).normalize().toString();
        boolean glob = path.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
        return new SqlRequest(null, "SELECT * FROM read_parquet(" + Connections.literal(absolute) + ")", null, folder,
                root, path, glob ? null : Path.of(absolute));
    }
}
