package io.incidentbot.storage.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.incidentbot.config.DatabaseSettings;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a PostgreSQL database for one of several bot replicas. The credentials are taken out of the
 * URL ({@code user}, {@code password} parameters) or from {@code INCIDENT_DB_USER} /
 * {@code INCIDENT_DB_PASSWORD} (which win) and handed to the pool separately, so the URL that the
 * pool, Flyway and the driver may log never carries them. Flyway migrates under PostgreSQL's advisory
 * lock, so replicas that start at once migrate one after the other.
 */
final class PostgresDatabase {
    private PostgresDatabase() {
    }

    /**
     * @throws DatabaseUnavailableException one line for a malformed URL, an unreachable server, wrong
     *                                      credentials or a missing database
     * @param timeouts the serving pool's bounds and the background statements' limit
     */
    static JdbiStorage open(DatabaseSettings settings, DatabaseTimeouts timeouts) {
        Url url = Url.parse(settings.location());
        String user = settings.user() != null ? settings.user() : url.user();
        String password = settings.password() != null ? settings.password() : url.password();
        preflight(settings, url, user, password);
        // Migrations may run long: they get a pool of their own without the serving pool's bounds.
        try (HikariDataSource migrating = pool(url, user, password, null, settings)) {
            Migrations.migrate(migrating, "postgresql");
        }
        HikariDataSource pool = pool(url, user, password, timeouts, settings);
        return new JdbiStorage(pool, timeouts.background());
    }

    /**
     * A pool; {@code bounds} (not null) for serving, where no request may wait on a frozen or unreachable
     * server for long: a free connection within {@link DatabaseTimeouts#connectionWait()} (Hikari
     * {@code connectionTimeout}, its liveness check within {@code validationTimeout}), no answer from the
     * server for {@link DatabaseTimeouts#socketSeconds()} ends the statement and the connection (PgJDBC
     * {@code socketTimeout}: the transaction is never committed later), and the server itself ends a
     * statement after {@code statement_timeout} and a lock wait after {@code lock_timeout} (startup
     * {@code options}). Null for the migrations' pool, without those bounds.
     */
    private static HikariDataSource pool(Url url, String user, String password, DatabaseTimeouts bounds,
                                         DatabaseSettings settings) {
        boolean bounded = bounds != null;
        HikariConfig config = new HikariConfig();
        config.setPoolName(bounded ? "incident-db" : "incident-db-migrations");
        config.setJdbcUrl(url.withoutCredentials());
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(bounded ? 8 : 3); // Flyway holds one connection for its lock
        config.setMinimumIdle(1);
        // Fail at start with the driver's reason rather than on the first request.
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("connectTimeout", "10");
        config.addDataSourceProperty("ApplicationName", "incident-bot");
        config.setConnectionTimeout(bounded ? bounds.connectionWait().toMillis() : 10_000);
        if (bounded) {
            config.setValidationTimeout(Math.min(1_000, bounds.connectionWait().toMillis() / 2));
            config.addDataSourceProperty("socketTimeout", String.valueOf(bounds.socketSeconds()));
            config.addDataSourceProperty("options", "-c statement_timeout=" + bounds.statementWait().toMillis()
                    + " -c lock_timeout=" + bounds.lockWait().toMillis());
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw unavailable(settings, e);
        }
    }

    /**
     * Connects once with the driver itself before the pool exists, so a bad URL, an unreachable server
     * or a refused login becomes one line here rather than the pool's logged stack trace.
     */
    private static void preflight(DatabaseSettings settings, Url url, String user, String password) {
        java.util.Properties props = new java.util.Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        java.sql.Connection c;
        try {
            c = new org.postgresql.Driver().connect(url.withoutCredentials(), props);
        } catch (SQLException | RuntimeException e) {
            throw unavailable(settings, e);
        }
        if (c == null) {
            throw unavailable(settings, new IllegalArgumentException("URL not accepted"));
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a connection we only opened to check
        }
    }

    private static DatabaseUnavailableException unavailable(DatabaseSettings settings, Exception e) {
        String where = "INCIDENT_DB " + settings.redacted();
        SQLException sql = sqlCause(e);
        if (sql == null && e instanceof IllegalArgumentException) {
            return new DatabaseUnavailableException(where
                    + ": not a usable PostgreSQL URL (expected jdbc:postgresql://host:5432/database)");
        }
        if (sql == null) {
            return new DatabaseUnavailableException(where
                    + ": not a usable PostgreSQL URL (expected jdbc:postgresql://host:5432/database)");
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String reason = DatabaseSettings.redact(String.valueOf(sql.getMessage()).lines().findFirst().orElse(""));
        if (state.startsWith("28")) {
            return new DatabaseUnavailableException(where + ": PostgreSQL refused the login (check INCIDENT_DB_USER "
                    + "and INCIDENT_DB_PASSWORD): " + reason);
        }
        if (state.equals("3D000")) {
            return new DatabaseUnavailableException(where + ": the database does not exist: " + reason);
        }
        if (state.startsWith("08")) {
            return new DatabaseUnavailableException(where + ": cannot reach the PostgreSQL server: " + reason);
        }
        return new DatabaseUnavailableException(where + ": cannot connect (SQL state " + state + "): " + reason);
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
            if (t instanceof HikariPool.PoolInitializationException && t.getCause() == null) {
                return null;
            }
        }
        return null;
    }

    /** A JDBC URL split into the URL without credentials and the credentials it carried. */
    record Url(String base, List<String> params, String user, String password) {
        static Url parse(String url) {
            int q = url.indexOf('?');
            String base = q < 0 ? url : url.substring(0, q);
            List<String> kept = new ArrayList<>();
            String user = null;
            String password = null;
            if (q >= 0) {
                for (String p : url.substring(q + 1).split("&")) {
                    String name = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
                    String value = p.contains("=") ? decode(p.substring(p.indexOf('=') + 1)) : "";
                    if (name.equalsIgnoreCase("user")) {
                        user = value;
                    } else if (name.equalsIgnoreCase("password")) {
                        password = value;
                    } else if (!p.isEmpty()) {
                        kept.add(p);
                    }
                }
            }
            return new Url(base, kept, user, password);
        }

        String withoutCredentials() {
            return params.isEmpty() ? base : base + "?" + String.join("&", params);
        }

        private static String decode(String s) {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
