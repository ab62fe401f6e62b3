package dev.qfl.stdlib.data.sql;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * JDBC drivers that are not on QFL's class path: jar files (or folders of jars) listed in the
 * environment variable {@value #VARIABLE}, separated like a class path. QFL ships DuckDB only;
 * a PostgreSQL, SQL Server or Oracle driver is the user's download, and this spares them
 * rebuilding or re-launching QFL with another class path.
 */
final class ExtraDrivers {
    static final String VARIABLE = "QFL_JDBC_DRIVERS";

    private ExtraDrivers() {
    }

    /** The first driver from the listed jars that accepts {@code url}, if any. */
    static Optional<Driver> find(String url, Map<String, String> environment) {
        String listed = environment.get(VARIABLE);
        if (listed == null || listed.isBlank()) {
            return Optional.empty();
        }
        List<URL> jars = new ArrayList<>();
        for (String entry : listed.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                jars.addAll(jarsAt(Path.of(entry.strip())));
            }
        }
        // the loader stays open: the driver's classes are loaded lazily while the connection is used
        URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), ExtraDrivers.class.getClassLoader());
        for (Driver d : ServiceLoader.load(Driver.class, loader)) {
            try {
                if (d.acceptsURL(url)) {
                    return Optional.of(d);
                }
            } catch (SQLException ignored) {
                // a driver that cannot judge the URL is not the one for it
            }
        }
        return Optional.empty();
    }

    private static List<URL> jarsAt(Path entry) {
        List<URL> out = new ArrayList<>();
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.list(entry)) {
                    for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        out.add(jar.toUri().toURL());
                    }
                }
            } else if (Files.isRegularFile(entry)) {
                out.add(entry.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            return out;
        } catch (IOException e) {
            // an unreadable folder holds no driver; the "no driver" diagnostic names the variable
            return out;
        }
        return out;
    }
}
