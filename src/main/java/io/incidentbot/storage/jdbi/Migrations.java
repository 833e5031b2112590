package io.incidentbot.storage.jdbi;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Brings a database's schema up to date with Flyway, and skips Flyway altogether when the database
 * already has exactly the migrations this build carries: on a restart, loading Flyway, scanning the jar
 * for migrations and validating them cost about 200 ms of a start that should take under two seconds.
 *
 * <p>What "exactly" means: {@code flyway_schema_history} holds one successful row per migration listed
 * in {@value #INDEX} for this database (folder {@code common} plus the vendor's), with the same version,
 * script name and Flyway checksum, and no other versioned row. Anything else (a fresh or older database,
 * a failed migration, an edited migration file whose checksum changed, a database migrated by a newer
 * build) runs Flyway as before, which migrates or reports the problem. The index is checked against
 * Flyway's own view of the migration folders by {@code MigrationsTest}, which prints the new index when a
 * migration is added.
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    /** Class-path resource: one line {@code <folder>/<script> <checksum>} per migration file. */
    static final String INDEX = "db/migrations.index";

    private Migrations() {
    }

    /**
     * @param dataSource the database
     * @param vendor     {@code sqlite} or {@code postgresql}: the folder of vendor-specific migrations
     * @throws org.flywaydb.core.api.FlywayException when a migration fails or validation finds a problem
     */
    static void migrate(DataSource dataSource, String vendor) {
        Set<String> expected = expected(vendor);
        if (current(dataSource, expected)) {
            log.debug("schema is current ({} migrations): Flyway skipped", expected.size());
            return;
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/common", "classpath:db/" + vendor)
                .load().migrate();
    }

    /** @return true when the history table lists exactly this build's migrations, all successful */
    static boolean current(DataSource dataSource, String vendor) {
        return current(dataSource, expected(vendor));
    }

    /** @param expected {@link #expected} of the database's vendor */
    private static boolean current(DataSource dataSource, Set<String> expected) {
        Set<String> applied = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, script, checksum, success FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL")) {
            while (rs.next()) {
                if (!rs.getBoolean("success")) {
                    return false;
                }
                applied.add(rs.getString("version") + " " + rs.getString("script") + " " + rs.getLong("checksum"));
            }
        } catch (SQLException e) {
            return false; // no history table yet: a fresh database
        }
        return applied.equals(expected);
    }

    /** @return {@code "<version> <script> <checksum>"} of every migration of this build for {@code vendor} */
    static Set<String> expected(String vendor) {
        Set<String> expected = new HashSet<>();
        InputStream in = Migrations.class.getClassLoader().getResourceAsStream(INDEX);
        if (in == null) {
            return Set.of("missing " + INDEX); // never equal to a history: Flyway runs
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] parts = line.trim().split(" ");
                if (parts.length != 2 || parts[0].startsWith("#")) {
                    continue;
                }
                String folder = parts[0].substring(0, parts[0].indexOf('/'));
                String script = parts[0].substring(folder.length() + 1);
                if (folder.equals("common") || folder.equals(vendor)) {
                    String version = script.substring(1, script.indexOf("__"));
                    expected.add(version + " " + script + " " + parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }
}
