package io.incidentbot.storage.jdbi;

import io.incidentbot.config.ConfigException;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long PostgreSQL may keep the bot waiting (SQLite ignores these). Read from:
 * <ul>
 *   <li>{@code INCIDENT_DB_TIMEOUT} (default {@code 2s}, whole seconds from {@code 1s} to {@code 60s}): the
 *       longest wait of a request or an outbox job on the serving pool: for a free connection (HikariCP
 *       {@code connectionTimeout}), for the server's next bytes (PgJDBC {@code socketTimeout}, whole seconds),
 *       and, a little shorter so the server ends it first, one statement ({@code statement_timeout}: this
 *       minus 200 ms) and one lock wait ({@code lock_timeout}: three quarters of it);</li>
 *   <li>{@code INCIDENT_DB_BACKGROUND_TIMEOUT} (default {@code 10m}, {@code 10s} to {@code 24h}): the same
 *       limits for statements that may run long on purpose: retention's batches ({@code Storage#background})
 *       and the command-line tools ({@code migrate-db}, {@code import}, {@code draft}, {@code stats}).</li>
 * </ul>
 * Durations are written like {@code 2s}, {@code 90s}, {@code 10m}, {@code 1h}.
 *
 * @param request    bounds the serving pool's waits
 * @param background bounds a statement of background work
 */
public record DatabaseTimeouts(Duration request, Duration background) {
    /** The defaults: 2 s for requests, 10 minutes for background statements. */
    public static final DatabaseTimeouts DEFAULT = new DatabaseTimeouts(Duration.ofSeconds(2), Duration.ofMinutes(10));
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(ms|[smh])");
    /** How much sooner than {@link #request} the server ends a statement itself. */
    private static final Duration STATEMENT_MARGIN = Duration.ofMillis(200);

    /**
     * @param env environment variables
     * @return the timeouts; unset or blank variables take {@link #DEFAULT}'s
     * @throws ConfigException naming the variable when a value is not a duration in its range
     */
    public static DatabaseTimeouts fromEnv(Map<String, String> env) {
        Duration request = duration(env, "INCIDENT_DB_TIMEOUT", DEFAULT.request, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
        if (request.toMillisPart() != 0) {
            throw new ConfigException("INCIDENT_DB_TIMEOUT must be whole seconds (the driver's socket timeout is); got '"
                    + env.get("INCIDENT_DB_TIMEOUT").strip() + "'");
        }
        return new DatabaseTimeouts(request, duration(env, "INCIDENT_DB_BACKGROUND_TIMEOUT", DEFAULT.background,
                Duration.ofSeconds(10), Duration.ofHours(24)));
    }

    /** @return these timeouts with {@link #background} for every wait: for a command-line tool's batch work */
    public DatabaseTimeouts forBackground() {
        return new DatabaseTimeouts(background, background);
    }

    /** @return the wait for a free pooled connection */
    Duration connectionWait() {
        return request;
    }

    /** @return the longest silence of the server inside a statement, in whole seconds (PgJDBC's unit) */
    int socketSeconds() {
        return (int) request.toSeconds();
    }

    /** @return {@code statement_timeout} of the serving pool */
    Duration statementWait() {
        return request.minus(STATEMENT_MARGIN);
    }

    /** @return {@code lock_timeout} of the serving pool */
    Duration lockWait() {
        return request.multipliedBy(3).dividedBy(4);
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback, Duration min,
                                     Duration max) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        Matcher m = DURATION.matcher(v.strip().toLowerCase(Locale.ROOT));
        Duration d = null;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new ConfigException(name + " must be a duration from " + text(min) + " to " + text(max)
                    + " (like 2s, 90s, 10m); got '" + v.strip() + "'");
        }
        return d;
    }

    private static String text(Duration d) {
        return d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + "h" : d.toSeconds() + "s";
    }
}
