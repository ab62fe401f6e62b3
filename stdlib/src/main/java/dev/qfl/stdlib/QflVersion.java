package dev.qfl.stdlib;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The QFL version, stamped into the build from the Maven project version. */
public final class QflVersion {
    private static final String VERSION = read();

    private QflVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = QflVersion.class.getResourceAsStream("/dev/qfl/stdlib/qfl-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
