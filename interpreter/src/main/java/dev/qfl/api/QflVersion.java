package dev.qfl.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The QFL version, stamped into the build from the Maven project version. */
public final class QflVersion {
    private QflVersion() {
    }

    public static String get() {
        try (InputStream in = QflVersion.class.getResourceAsStream("/dev/qfl/qfl-version.properties")) {
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
