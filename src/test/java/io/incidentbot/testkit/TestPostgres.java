package io.incidentbot.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server for tests, and a fresh database per test on it. The server is found through
 * {@code INCIDENT_TEST_POSTGRES} (a JDBC URL of a database the test role may {@code CREATE DATABASE}
 * from, as {@code .ci/postgres.sh} prints); without it the kit runs {@code .ci/postgres.sh} once
 * itself (Debian's PostgreSQL, started as the {@code postgres} user). When neither works the test is
 * skipped with the reason, or fails when {@code INCIDENT_TEST_POSTGRES_REQUIRED=1} (CI).
 */
public final class TestPostgres {
    private static String base;
    private static String unavailable;

    private TestPostgres() {
    }

    /**
     * Creates a database with a random name.
     *
     * @return its JDBC URL, credentials as URL parameters; drop it with {@link #drop}
     * @throws org.opentest4j.TestAbortedException (a skip) when no server can be had and it is not required
     */
    public static String createDatabase() {
        String server = server();
        String name = "incident_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        exec(server, "CREATE DATABASE " + name);
        return withDatabase(server, name);
    }

    /** Drops the database of {@code url} (made by {@link #createDatabase}), closing its connections. */
    public static void drop(String url) {
        String name = url.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
        exec(server(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** @return {@code url} pointing at database {@code name} instead, its parameters kept */
    public static String withDatabase(String url, String name) {
        return url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    /** @return the server's base URL, starting it if needed */
    public static synchronized String server() {
        if (base == null && unavailable == null) {
            find();
        }
        if (base == null) {
            String message = "PostgreSQL tests skipped: " + unavailable;
            if ("1".equals(System.getenv("INCIDENT_TEST_POSTGRES_REQUIRED"))) {
                Assertions.fail(message + " (INCIDENT_TEST_POSTGRES_REQUIRED=1)");
            }
            System.err.println(message);
            Assumptions.abort(message);
        }
        return base;
    }

    private static void find() {
        String env = System.getenv("INCIDENT_TEST_POSTGRES");
        if (env != null && !env.isBlank()) {
            base = env.trim();
            return;
        }
        Path script = Path.of(System.getProperty("user.dir"), ".ci", "postgres.sh");
        if (!Files.isExecutable(script)) {
            unavailable = "INCIDENT_TEST_POSTGRES is not set and there is no " + script;
            return;
        }
        try {
            Path out = Files.createTempFile("postgres-sh", ".out");
            Process p = new ProcessBuilder(script.toString()).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                unavailable = script + " could not start a server";
                return;
            }
            String line = Files.readString(out, StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("export INCIDENT_TEST_POSTGRES=")).findFirst().orElse(null);
            if (line == null) {
                unavailable = script + " printed no INCIDENT_TEST_POSTGRES";
                return;
            }
            base = line.substring("export INCIDENT_TEST_POSTGRES=".length()).replace("'", "");
        } catch (IOException e) {
            unavailable = "cannot run " + script + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted while starting PostgreSQL";
        }
    }

    private static void exec(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
