package ai.askel.confluence.adapter.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether the schema history already records exactly the migrations this jar ships, all successful and unchanged: then
 * Flyway would validate and apply nothing, and starting it (hundreds of classes and a scan of the class path) is skipped.
 * One query and a read of the few scripts decide it. Anything else answers {@code false} and Flyway runs as before: a
 * pending migration, a failed one, one recorded that this jar does not ship (a schema ahead of the jar), a changed
 * script, another kind of history row, or scripts this check cannot list. So the fast path is taken only where Flyway's
 * own validation would pass and its migrate would do nothing.
 */
final class SchemaUpToDateCheck {
    /** Flyway's default naming of a versioned SQL migration: {@code V<version>__<description>.sql}. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__(.+)\\.sql");
    /** The migrations' location as a class-path resource name. */
    static final String PATH = SchemaMigrator.LOCATION.substring("classpath:".length());

    /** A versioned migration as Flyway records it: version, description, script name and checksum. */
    record Script(String version, String description, String script, int checksum) {
    }

    private SchemaUpToDateCheck() {
    }

    /** Whether Flyway would find nothing to do and nothing to refuse in {@code historyTable}; false when unsure. */
    static boolean isUpToDate(DataSource dataSource, String historyTable) {
        Optional<List<Script>> shipped = shipped(SchemaUpToDateCheck.class.getClassLoader());
        if (shipped.isEmpty() || shipped.get().isEmpty()) {
            return false;
        }
        Optional<List<Recorded>> recorded = recorded(dataSource, historyTable);
        return recorded.isPresent() && matches(shipped.get(), recorded.get());
    }

    /** One row of the history table. */
    record Recorded(String version, String description, String type, String script, Integer checksum, boolean success) {
    }

    static boolean matches(List<Script> shipped, List<Recorded> recorded) {
        Map<String, Recorded> applied = new HashMap<>();
        Optional<String> baseline = Optional.empty();
        for (Recorded row : recorded) {
            if (!row.success()) {
                return false;
            }
            switch (row.type()) {
                case "TABLE", "SCHEMA" -> {
                    // Flyway's markers for the history table or schema it created: no migration
                }
                case "BASELINE" -> {
                    if (baseline.isPresent() || row.version() == null) {
                        return false;
                    }
                    baseline = Optional.of(row.version());
                }
                case "SQL" -> {
                    if (row.version() == null || applied.put(row.version(), row) != null) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        Map<String, Script> byVersion = new HashMap<>();
        for (Script script : shipped) {
            if (byVersion.put(script.version(), script) != null) {
                return false; // two scripts of one version: Flyway refuses that
            }
        }
        for (Recorded row : applied.values()) {
            Script script = byVersion.get(row.version());
            if (script == null || !script.description().equals(row.description()) || !script.script().equals(row.script())
                    || row.checksum() == null || script.checksum() != row.checksum()) {
                return false; // recorded but not shipped (a schema ahead of this jar), or changed since
            }
        }
        for (Script script : shipped) {
            boolean belowBaseline = baseline.isPresent() && compareVersions(script.version(), baseline.get()) <= 0;
            if (!belowBaseline && !applied.containsKey(script.version())) {
                return false; // pending
            }
        }
        return true;
    }

    /** Dotted numeric versions compared part by part ("2" before "20", "1.1" after "1"). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            java.math.BigInteger p = i < x.length ? new java.math.BigInteger(x[i]) : java.math.BigInteger.ZERO;
            java.math.BigInteger q = i < y.length ? new java.math.BigInteger(y[i]) : java.math.BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static Optional<List<Recorded>> recorded(DataSource dataSource, String historyTable) {
        // the table name is a plain identifier (HostDatabaseSettings checks it); Flyway creates it quoted, as given
        String sql = "SELECT \"version\", \"description\", \"type\", \"script\", \"checksum\", \"success\" FROM \"" + historyTable + "\"";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<Recorded> recorded = new ArrayList<>();
            while (rows.next()) {
                int checksum = rows.getInt(5);
                recorded.add(new Recorded(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.wasNull() ? null : checksum, rows.getBoolean(6)));
            }
            return Optional.of(recorded);
        } catch (SQLException noHistoryYet) {
            return Optional.empty();
        }
    }

    /**
     * The versioned SQL scripts under the migrations' location, from every jar or directory that has it; empty when a
     * location is neither (Flyway's own scan then decides), or when it holds a file Flyway would read differently.
     */
    static Optional<List<Script>> shipped(ClassLoader loader) {
        try {
            List<Script> scripts = new ArrayList<>();
            Enumeration<URL> locations = loader.getResources(PATH);
            while (locations.hasMoreElements()) {
                URL location = locations.nextElement();
                Optional<List<Script>> here = switch (location.getProtocol()) {
                    case "file" -> inDirectory(Path.of(location.toURI()));
                    case "jar" -> inJar(location);
                    default -> Optional.empty();
                };
                if (here.isEmpty()) {
                    return Optional.empty();
                }
                scripts.addAll(here.get());
            }
            return Optional.of(scripts);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<List<Script>> inDirectory(Path directory) throws IOException {
        List<Script> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(file)) {
                    Optional<Script> script = script(file.getFileName().toString(), in);
                    if (script.isEmpty()) {
                        return Optional.empty();
                    }
                    scripts.add(script.get());
                }
            }
        }
        return Optional.of(scripts);
    }

    private static Optional<List<Script>> inJar(URL location) throws IOException {
        URLConnection connection = location.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            return Optional.empty();
        }
        jarConnection.setUseCaches(false);
        List<Script> scripts = new ArrayList<>();
        try (JarFile jar = jarConnection.getJarFile()) {
            String prefix = jarConnection.getEntryName() + (jarConnection.getEntryName().endsWith("/") ? "" : "/");
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith(prefix) || name.length() == prefix.length()) {
                    continue;
                }
                String file = name.substring(prefix.length());
                if (file.contains("/") || entry.isDirectory()) {
                    return Optional.empty();
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    Optional<Script> script = script(file, in);
                    if (script.isEmpty()) {
                        return Optional.empty();
                    }
                    scripts.add(script.get());
                }
            }
        }
        return Optional.of(scripts);
    }

    private static Optional<Script> script(String fileName, InputStream content) throws IOException {
        Matcher name = VERSIONED.matcher(fileName);
        if (!name.matches()) {
            return Optional.empty();
        }
        String version = name.group(1).replace('_', '.');
        return Optional.of(new Script(version, name.group(2).replace('_', ' '), fileName, checksum(content)));
    }

    /** Flyway's checksum of a script: CRC-32 of its lines in UTF-8 without their line breaks, a leading BOM dropped. */
    static int checksum(InputStream content) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        while (line != null) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            line = reader.readLine();
        }
        return (int) crc.getValue();
    }
}
