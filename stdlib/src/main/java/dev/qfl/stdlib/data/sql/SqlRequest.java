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
 */
public record SqlRequest(String url, String query, Path credentials, Path folder, Path root, String source) {
    public SqlRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(source, "source");
    }

    /** The same request described as {@code source} in notes (a path as the script wrote it). */
    public SqlRequest describedAs(String source) {
        return new SqlRequest(url, query, credentials, folder, root, source);
    }

    /** {@code sql("SELECT ...")}: an embedded DuckDB that reads files by path relative to {@code folder}. */
    public static SqlRequest embedded(String query, Path folder, Path root) {
        return new SqlRequest(null, query, null, folder, root, "DuckDB query");
    }

    /** {@code sql("jdbc:...", "SELECT ...")}. */
    public static SqlRequest jdbc(String url, String query, Path credentials, Path folder) {
        return new SqlRequest(url, query, credentials, folder, null, Credentials.describe(url));
    }

    /**
     * {@code parquet("path/or/*.parquet")}: DuckDB's {@code read_parquet} of the path resolved
     * against {@code folder} (a glob reads every matching file as one table).
     */
    public static SqlRequest parquet(String path, Path folder, Path root) {
        String absolute = folder.resolve(path).normalize().toString();
        return new SqlRequest(null, "SELECT * FROM read_parquet(" + Connections.literal(absolute) + ")", null, folder,
                root, path);
    }
}
