package dev.qfl.stdlib.data.sql;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Who a database connection logs in as. Never read from the script: a script is shared, pasted
 * and committed, so a password in it leaks. Credentials come from a properties file named by the
 * call ({@code credentials: "db.properties"}, keys {@code user} and {@code password}; every other
 * key is passed to the driver as a connection property), or else from the environment
 * ({@code QFL_JDBC_USER}, {@code QFL_JDBC_PASSWORD}), or else there are none (the driver's own
 * defaults, e.g. PostgreSQL's {@code PGPASSFILE}).
 *
 * @param properties what is handed to the JDBC driver (user, password and any other keys)
 */
public record Credentials(Properties properties) {
    public static final String USER_VARIABLE = "QFL_JDBC_USER";
    public static final String PASSWORD_VARIABLE = "QFL_JDBC_PASSWORD";

    /** {@code password=} as a URL parameter (PostgreSQL, MySQL, SQL Server, H2 ...), in any case. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("[?&;:]password\\s*=", Pattern.CASE_INSENSITIVE);
    /** {@code //user:secret@host} (a password in the authority part of the URL). */
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*:[^/@?;]*@");
    /** Oracle's {@code jdbc:oracle:thin:user/secret@host}. */
    private static final Pattern ORACLE_USER_PASSWORD = Pattern.compile("^jdbc:oracle:[a-z]+:[^@/:]+/[^@]+@",
            Pattern.CASE_INSENSITIVE);

    public Credentials {
        Properties copy = new Properties();
        copy.putAll(properties);
        properties = copy;
    }

    /** No user or password: the driver decides. */
    public static Credentials none() {
        return new Credentials(new Properties());
    }

    /**
     * The credentials for a connection: from {@code file} when given, else from {@code environment}.
     *
     * @throws dev.qfl.stdlib.QflException QF3135 when the file cannot be read or names no user
     */
    public static Credentials resolve(Path file, Map<String, String> environment) {
        if (file != null) {
            return fromFile(file);
        }
        Properties p = new Properties();
        String user = environment.get(USER_VARIABLE);
        String password = environment.get(PASSWORD_VARIABLE);
        if (user != null && !user.isBlank()) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return new Credentials(p);
    }

    private static Credentials fromFile(Path file) {
        Properties p = new Properties();
        if (!Files.isRegularFile(file)) {
            throw SqlErrors.error(SqlErrors.CREDENTIALS, "the credentials file " + file.getFileName()
                    + (Files.exists(file) ? " is not a regular file" : " does not exist"),
                    "a properties file with the lines user=... and password=...", null);
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw SqlErrors.error(SqlErrors.CREDENTIALS, "cannot read the credentials file " + file.getFileName()
                    + ": " + e.getMessage(), "a properties file with the lines user=... and password=...", e);
        }
        if (p.getProperty("user", "").isBlank()) {
            throw SqlErrors.error(SqlErrors.CREDENTIALS, "the credentials file " + file.getFileName() + " names no user",
                    "add a line user=... (and password=...)", null);
        }
        return new Credentials(p);
    }

    /**
     * What in {@code url} looks like a password, when something does: a URL is written in the
     * script, and a password there is a secret in a shared file. Empty for a clean URL.
     */
    public static Optional<String> passwordIn(String url) {
        if (PASSWORD_PARAMETER.matcher(url).find()) {
            return Optional.of("a password= parameter");
        }
        if (USER_INFO.matcher(url).find()) {
            return Optional.of("a user:password@ part");
        }
        if (ORACLE_USER_PASSWORD.matcher(url).find()) {
            return Optional.of("a user/password@ part");
        }
        return Optional.empty();
    }

    /** The URL without its parameters, for notes and messages (no user names or options shown). */
    public static String describe(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        String shown = url.substring(0, cut);
        return shown.toLowerCase(Locale.ROOT).startsWith("jdbc:") ? shown : "jdbc:" + shown;
    }
}
