package io.incidentbot.storage.jdbi;

import io.incidentbot.store.EventLog;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/**
 * {@link EventLog} on tables {@code processed_event} (one row per Events API {@code event_id}) and
 * {@code pending_change}, bound to the handle of one transaction.
 */
public final class JdbiEventLog implements EventLog {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiEventLog(Handle h) {
        this.h = h;
    }

    @Override
    public boolean markProcessed(String eventId, Instant receivedAt) {
        return h.createUpdate("INSERT INTO processed_event (event_id, received_at) VALUES (:e, :at) ON CONFLICT DO NOTHING")
                .bind("e", eventId).bind("at", micros(receivedAt)).execute() == 1;
    }

    @Override
    public void addPending(PendingChange c) {
        h.createUpdate("INSERT INTO pending_change (channel_id, ts, type, text, at) VALUES (:c, :ts, :type, :text, :at)")
                .bind("c", c.channelId()).bind("ts", c.ts()).bind("type", c.type()).bind("text", c.text())
                .bind("at", micros(c.at())).execute();
    }

    @Override
    public List<PendingChange> takePending(String channelId, String ts) {
        List<PendingChange> changes = h.createQuery(
                        "SELECT * FROM pending_change WHERE channel_id = :c AND ts = :ts ORDER BY at, id")
                .bind("c", channelId).bind("ts", ts)
                .map((rs, ctx) -> new PendingChange(rs.getString("channel_id"), rs.getString("ts"),
                        rs.getString("type"), rs.getString("text"), instant(rs, "at"))).list();
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
