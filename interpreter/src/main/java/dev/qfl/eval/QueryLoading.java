package dev.qfl.eval;

import dev.qfl.check.QuerySource;
import dev.qfl.check.Symbol;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.LoadedPanel;
import dev.qfl.stdlib.data.sql.SqlLoader;
import dev.qfl.stdlib.data.sql.SqlRequest;
import dev.qfl.stdlib.io.FileAccess;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads a {@code sql(...)} or {@code parquet(...)} declaration. An embedded query reads files
 * relative to the script's folder and, in a session confined to a folder, nothing outside it; a
 * confined session opens no JDBC connection at all (its host application binds data instead).
 * Problems are reported at the declaration, with the database's message.
 */
final class QueryLoading {
    private QueryLoading() {
    }

    /**
     * @param target      for sql: the script's folder; for parquet: the path (or glob) resolved
     * @param environment where credentials come from when the call names no file
     */
    static DataLoading.Loaded load(Symbol.SeriesSymbol symbol, Path target, FileAccess access,
                                   Map<String, String> environment) {
        QuerySource source = symbol.query();
        try {
            CsvOptions options = DataLoading.options(symbol.options());
            SqlRequest request = request(symbol, source, target, access);
            // a sql(...) source's target is the script's folder; a parquet(...) one's is its data path
            Path folder = source.isParquet() ? DataLoading.folderOf(symbol, target) : target;
            LoadedPanel loaded = new SqlLoader(environment).load(symbol.name(), request, options,
                    DataLoading.futureRows(symbol, folder, options, access));
            return new DataLoading.Loaded(loaded.panel(), loaded.notes(), loaded.warnings());
        } catch (QflException e) {
            throw access.quoteContent() ? e : DataLoading.withoutContent(e);
        }
    }

    private static SqlRequest request(Symbol.SeriesSymbol symbol, QuerySource source, Path target, FileAccess access) {
        if (source.isParquet()) {
            Path parent = target.getParent() == null ? target : target.getParent();
            return SqlRequest.parquet(target.toString(), parent, access.root()).describedAs(symbol.path());
        }
        if (source.url() == null) {
            return SqlRequest.embedded(source.query(), target, access.root());
        }
        if (access.restricted()) {
            throw new QflException(FileAccess.OUTSIDE_ROOT, "this session is confined to a folder and opens no "
                    + "database connection", null, "the application can bind the rows itself (QflSession.bind)", null);
        }
        Path credentials = symbol.options().get("credentials") instanceof String c ? target.resolve(c).normalize() : null;
        return SqlRequest.jdbc(source.url(), source.query(), credentials, target);
    }
}
