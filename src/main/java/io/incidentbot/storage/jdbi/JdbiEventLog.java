package io.incidentbot.storage.jdbi;

import io.incidentbot.store.EventLog;
import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/**
 * {@link EventLog} on tables {@code processed_event} (one row per Events API {@code event_id}) and
 * {@code pending_change}, bound to the handle of one transaction. The two statements every event runs
 * ({@link #markProcessed}, {@link #takePending}) are plain JDBC through the transaction's {@link PreparedCache}.
 */
public final class JdbiEventLog implements EventLog {
    private static final String MARK = "INSERT INTO processed_event (event_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String PENDING = "SELECT channel_id, ts, type, text, at FROM pending_change"
            + " WHERE channel_id = ? AND ts = ? ORDER BY at, id";

    private final Handle h;
    private final PreparedCache prepared;

    /**
     * @param h        the handle of the caller's transaction
     * @param prepared that transaction's statements
     */
    JdbiEventLog(Handle h, PreparedCache prepared) {
        this.h = h;
        this.prepared = prepared;
    }

    @Override
    public boolean markProcessed(String eventId, Instant receivedAt) {
        try {
            PreparedStatement s = prepared.get(MARK);
            s.setString(1, eventId);
            s.setLong(2, micros(receivedAt));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StatementFailedException(MARK, e);
        }
    }

    @Override
    public void addPending(PendingChange c) {
        h.createUpdate("INSERT INTO pending_change (channel_id, ts, type, text, at) VALUES (:c, :ts, :type, :text, :at)")
                .bind("c", c.channelId()).bind("ts", c.ts()).bind("type", c.type()).bind("text", c.text())
                .bind("at", micros(c.at())).execute();
    }

    @Override
    public List<PendingChange> takePending(String channelId, String ts) {
        List<PendingChange> changes = new ArrayList<>(0);
        try {
            PreparedStatement s = prepared.get(PENDING);
            s.setString(1, channelId);
            s.setString(2, ts);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(new PendingChange(rs.getString("channel_id"), rs.getString("ts"),
                            rs.getString("type"), rs.getString("text"), instant(rs, "at")));
                }
            }
        } catch (SQLException e) {
            throw new StatementFailedException(PENDING, e);
        }
        if (!changes.isEmpty()) {
            h.createUpdate("DELETE FROM pending_change WHERE channel_id = :c AND ts = :ts")
                    .bind("c", channelId).bind("ts", ts).execute();
        }
        return changes;
    }

    @Override
    public int pruneProcessed(Instant before, int limit) {
        return h.createUpdate("DELETE FROM processed_event WHERE event_id IN "
                        + "(SELECT event_id FROM processed_event WHERE received_at < :b LIMIT :l)")
                .bind("b", micros(before)).bind("l", limit).execute();
    }

    @Override
    public int prunePending(Instant before, int limit) {
        return h.createUpdate("DELETE FROM pending_change WHERE id IN (SELECT id FROM pending_change WHERE at < :b LIMIT :l)")
                .bind("b", micros(before)).bind("l", limit).execute();
    }
}
