package io.incidentbot.config;

import java.time.Duration;
import java.util.Map;

/**
 * Where the bot keeps its state: a SQLite file (the default, one replica) or a PostgreSQL database
 * shared by several replicas.
 *
 * @param location {@code INCIDENT_DB}: a SQLite file path, or {@code jdbc:postgresql://host:5432/db}
 *                 (credentials may be URL parameters {@code user} and {@code password})
 * @param user     {@code INCIDENT_DB_USER}, PostgreSQL role; null to take it from the URL
 * @param password {@code INCIDENT_DB_PASSWORD}; null to take it from the URL
 * @param lease    {@code INCIDENT_LEASE_SECONDS} (default 30, 5 to 300): how long an outbox job or a
 *                 periodic task stays with the replica that took it before another may take it over;
 *                 a live replica renews its leases every second
 */
public record DatabaseSettings(String location, String user, String password, Duration lease) {
    /** Default lease: a dead replica's work moves to another within about this long. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    /** A SQLite file (or a URL with its credentials in it) with the default lease. */
    public static DatabaseSettings of(String location) {
        return new DatabaseSettings(location, null, null, DEFAULT_LEASE);
    }

    /**
     * @param env environment variables
     * @return the settings; {@code INCIDENT_DB} defaults to {@code ./incidents.db}
     * @throws ConfigException when {@code INCIDENT_DB} looks like a URL of another database, or the lease
     *                         is not a number of seconds from 5 to 300
     */
    public static DatabaseSettings fromEnv(Map<String, String> env) {
        String location = value(env, "INCIDENT_DB", "./incidents.db");
        if (location.startsWith("jdbc:") && !location.startsWith("jdbc:postgresql:")
                && !location.startsWith("jdbc:sqlite:")) {
            throw new ConfigException("INCIDENT_DB must be a SQLite file path or jdbc:postgresql://host:5432/database");
        }
        String leaseText = value(env, "INCIDENT_LEASE_SECONDS", "30");
        if (!leaseText.matches("\\d{1,3}") || Integer.parseInt(leaseText) < 5 || Integer.parseInt(leaseText) > 300) {
            throw new ConfigException("INCIDENT_LEASE_SECONDS must be a number of seconds from 5 to 300, got '"
                    + leaseText + "'");
        }
        return new DatabaseSettings(location, value(env, "INCIDENT_DB_USER", null),
                value(env, "INCIDENT_DB_PASSWORD", null), Duration.ofSeconds(Integer.parseInt(leaseText)));
    }

    /** @return true for a PostgreSQL URL */
    public boolean postgres() {
        return location.startsWith("jdbc:postgresql:");
    }

    /** @return the location with any {@code password} URL parameter replaced by {@code ***} (safe to log) */
    public String redacted() {
        return redact(location);
    }

    /** @return {@code url} with the value of every {@code password=} parameter replaced by {@code ***} */
    public static String redact(String url) {
        return url.replaceAll("(?i)([?&;]password=)[^&;#]*", "$1***");
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[location=" + redacted() + ", user=" + user + ", password="
                + (password == null ? "null" : "***") + ", lease=" + lease + "]";
    }
}
