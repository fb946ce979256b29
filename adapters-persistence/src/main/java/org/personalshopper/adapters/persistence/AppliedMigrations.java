package org.personalshopper.adapters.persistence;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether the schema's Flyway history already shows every migration of {@code db/migration} applied, successfully and
 * with the checksum Flyway computes for the file today. Then Flyway has nothing to do, and the start skips it: loading
 * and configuring Flyway and its scan and validation were most of opening an up-to-date database. Anything else (no
 * history, a failed or unknown row, a changed file, a migration not yet applied, files that cannot be listed) answers
 * no, and Flyway runs as before: it migrates, or fails validation with its own message.
 */
final class AppliedMigrations {
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__[^/]*\\.sql");

    private AppliedMigrations() {
    }

    /** True only when Flyway's migrate would apply nothing and its validation would pass. */
    static boolean upToDate(DataSource database) {
        Optional<Map<String, Integer>> files = migrationFiles();
        if (files.isEmpty() || files.get().isEmpty()) {
            return false;
        }
        try (Connection connection = database.getConnection()) {
            return upToDate(connection, files.get());
        } catch (SQLException e) {
            return false; // Flyway will say what is wrong
        }
    }

    /** As above, on a connection whose current schema is the shopper schema. */
    static boolean upToDate(Connection connection, Map<String, Integer> files) throws SQLException {
        return applied(connection).map(files::equals).orElse(false);
    }

    /** Version to checksum of every successful versioned migration in the current schema's history, if all succeeded. */
    private static Optional<Map<String, Integer>> applied(Connection connection) throws SQLException {
        String schema;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select current_schema()")) {
            schema = row.next() ? row.getString(1) : null;
        }
        if (schema == null) {
            return Optional.empty(); // the schema does not exist yet: Flyway creates it
        }
        String history = "\"" + schema.replace("\"", "\"\"") + "\".flyway_schema_history";
        try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, history);
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next() || !row.getBoolean(1)) {
                    return Optional.empty();
                }
            }
        }
        Map<String, Integer> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, checksum, success, type from " + history)) {
            while (rows.next()) {
                String type = rows.getString(4);
                if (!rows.getBoolean(3)) {
                    return Optional.empty();
                }
                if ("SCHEMA".equals(type)) {
                    continue; // Flyway's note that it created the schema
                }
                int checksum = rows.getInt(2);
                if (!"SQL".equals(type) || rows.wasNull() || applied.put(rows.getString(1), checksum) != null) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(applied);
    }

    /** Version (as Flyway writes it) to Flyway's checksum of every migration file, or empty when they cannot be listed. */
    static Optional<Map<String, Integer>> migrationFiles() {
        ClassLoader loader = AppliedMigrations.class.getClassLoader();
        URL location = loader.getResource(LOCATION);
        if (location == null) {
            return Optional.empty();
        }
        TreeSet<String> names = new TreeSet<>();
        try {
            if ("jar".equals(location.getProtocol())) {
                URLConnection connection = location.openConnection();
                connection.setUseCaches(true); // the class loader's own open jar
                JarFile jar = ((JarURLConnection) connection).getJarFile();
                String prefix = LOCATION + "/";
                for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                    String name = entry.getName();
                    if (name.startsWith(prefix) && !entry.isDirectory() && name.indexOf('/', prefix.length()) < 0) {
                        names.add(name.substring(prefix.length()));
                    }
                }
            } else if ("file".equals(location.getProtocol())) {
                String[] listed = new File(location.toURI()).list();
                if (listed == null) {
                    return Optional.empty();
                }
                names.addAll(java.util.Arrays.asList(listed));
            } else {
                return Optional.empty();
            }
            Map<String, Integer> files = new HashMap<>();
            for (String name : names) {
                Matcher versioned = VERSIONED.matcher(name);
                if (!versioned.matches()) {
                    return Optional.empty(); // repeatable or other migrations: Flyway's business
                }
                String version = versioned.group(1).replace('_', '.');
                try (InputStream in = loader.getResourceAsStream(LOCATION + "/" + name)) {
                    if (in == null || files.put(version, checksum(in)) != null) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(files);
        } catch (IOException | URISyntaxException | ClassCastException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Flyway's checksum: CRC-32 of the UTF-8 bytes of each line without its line break, a leading BOM dropped. */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc32 = new CRC32();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096)) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            while (line != null) {
                crc32.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        }
        return (int) crc32.getValue();
    }
}
