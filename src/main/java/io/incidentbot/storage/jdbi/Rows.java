package io.incidentbot.storage.jdbi;

import io.incidentbot.timeline.SlackTs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Conversions shared by the repositories: every time is stored as an integer of epoch microseconds
 * ({@code INTEGER} on SQLite, {@code BIGINT} on PostgreSQL), the precision of a Slack {@code ts}, so
 * the same SQL sorts and compares times on both.
 */
final class Rows {
    private Rows() {
    }

    /**
     * @param at a time, may be null
     * @return epoch microseconds to bind, or null for null
     */
    static Long micros(Instant at) {
        return at == null ? null : SlackTs.micros(at);
    }

    /**
     * @param rs     a result set positioned on a row
     * @param column the name of a column of epoch microseconds
     * @return the time, or null when the column is SQL NULL
     * @throws SQLException when the column does not exist
     */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : SlackTs.fromMicros(v);
    }
}
