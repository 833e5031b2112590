package io.incidentbot.bench;

import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads the bot's database read-only, from outside the bot: its SQLite file, or its PostgreSQL
 * database with {@code DB=postgres} (schema: {@code src/main/resources/db/}).
 */
final class IncidentDb {
    private final String location;

    IncidentDb(Path file) {
        this(file.toAbsolutePath().toString());
    }

    /** @param location a SQLite file path or a PostgreSQL JDBC URL with its credentials */
    IncidentDb(String location) {
        this.location = location;
    }

    /** An incident and its channel. */
    record IncidentChannel(long number, String channelId) {
    }

    private Connection open() throws SQLException {
        if (location.startsWith("jdbc:postgresql:")) {
            Connection c = DriverManager.getConnection(location);
            c.setReadOnly(true);
            return c;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        return DriverManager.getConnection("jdbc:sqlite:" + location, config.toProperties());
    }

    /** @return the newest incident whose channel exists */
    Optional<IncidentChannel> newestWithChannel() throws SQLException {
        if (!location.startsWith("jdbc:") && !Files.exists(Path.of(location))) {
            return Optional.empty();
        }
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(
                "SELECT number, channel_id FROM incident WHERE channel_id IS NOT NULL ORDER BY number DESC LIMIT 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(new IncidentChannel(rs.getLong(1), rs.getString(2))) : Optional.empty();
        }
    }

    /** @return how many {@code MESSAGE} timeline entries the incident has (deleted ones included) */
    long messageEntries(long incident) throws SQLException {
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM timeline_entry WHERE incident = ? AND kind = 'MESSAGE'")) {
            s.setLong(1, incident);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** @return how many {@code MESSAGE} entries of the incident are thread replies */
    long threadReplies(long incident) throws SQLException {
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM timeline_entry WHERE incident = ? AND kind = 'MESSAGE'"
                        + " AND thread_ts IS NOT NULL AND thread_ts <> ts")) {
            s.setLong(1, incident);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
