package io.incidentbot.bench;

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
 * Where the bot under test keeps its state ({@code DB=sqlite} or {@code DB=postgres}): a SQLite file
 * in the work folder, or a fresh database on the PostgreSQL server named by
 * {@code INCIDENT_TEST_POSTGRES} (else the one {@code .ci/postgres.sh} starts), as the tests do.
 */
final class BenchDatabase {
    private BenchDatabase() {
    }

    /**
     * @param kind       {@code sqlite} or {@code postgres}
     * @param sqliteFile the SQLite file to use for {@code sqlite}
     * @return the bot's {@code INCIDENT_DB}
     */
    static String location(String kind, Path sqliteFile) throws IOException, InterruptedException, SQLException {
        if (kind.equals("sqlite")) {
            return sqliteFile.toAbsolutePath().toString();
        }
        if (!kind.equals("postgres")) {
            throw new IllegalArgumentException("DB must be sqlite or postgres, got " + kind);
        }
        String server = System.getenv("INCIDENT_TEST_POSTGRES");
        if (server == null || server.isBlank()) {
            Process p = new ProcessBuilder(".ci/postgres.sh").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(".ci/postgres.sh could not start PostgreSQL");
            }
            server = out.lines().filter(l -> l.startsWith("export INCIDENT_TEST_POSTGRES=")).findFirst()
                    .orElseThrow(() -> new IOException(".ci/postgres.sh printed no URL"))
                    .substring("export INCIDENT_TEST_POSTGRES=".length()).replace("'", "");
        }
        String name = "incident_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(server); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return server.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }
}
