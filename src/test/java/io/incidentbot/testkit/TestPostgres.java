package io.incidentbot.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL server for tests, and a fresh database per test on it. The server is found through
 * {@code INCIDENT_TEST_POSTGRES} (a JDBC URL of a database the test role may {@code CREATE DATABASE}
 * from, as {@code .ci/postgres.sh} prints). The kit never installs or starts a server itself: without
 * the variable the test is skipped with the reason, or fails when {@code INCIDENT_TEST_POSTGRES_REQUIRED=1}
 * ({@code .ci/run} sets both).
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

    /**
     * Drops the database of {@code url} (made by {@link #createDatabase}), closing its connections; nothing for null
     * (the test was skipped before it had a database).
     */
    public static void drop(String url) {
        if (url == null) {
            return;
        }
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
        unavailable = reasonUnavailable(System.getenv());
        if (unavailable == null) {
            base = System.getenv("INCIDENT_TEST_POSTGRES").trim();
        }
    }

    /**
     * Why PostgreSQL tests cannot run in this environment: the kit never installs or starts a server
     * itself (a developer's {@code mvn verify} must not), it only uses the one {@code INCIDENT_TEST_POSTGRES}
     * names ({@code eval "$(.ci/postgres.sh)"} starts one and sets it; {@code .ci/run} does so).
     *
     * @param env environment variables
     * @return null when {@code INCIDENT_TEST_POSTGRES} is set, else the skip reason
     */
    static String reasonUnavailable(java.util.Map<String, String> env) {
        String url = env.get("INCIDENT_TEST_POSTGRES");
        if (url == null || url.isBlank()) {
            return "INCIDENT_TEST_POSTGRES is not set (run eval \"$(.ci/postgres.sh)\" to start a server and set it)";
        }
        return null;
    }

    private static void exec(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
