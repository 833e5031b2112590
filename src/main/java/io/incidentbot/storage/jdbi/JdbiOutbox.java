package io.incidentbot.storage.jdbi;

import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.store.OutboxRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.List;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/**
 * {@link OutboxRepository} on table {@code outbox}, bound to the handle of one transaction. A job's
 * {@code state} is {@code pending}, {@code done} or {@code failed}; the jobs of one incident are
 * delivered in ID order, so only the oldest pending job of each incident (its head) is ever due.
 * With one bot process this needs no row locks; several replicas on one database will need a lease
 * on the heads they take (e.g. PostgreSQL's {@code FOR UPDATE SKIP LOCKED}).
 */
public final class JdbiOutbox implements OutboxRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiOutbox(Handle h) {
        this.h = h;
    }

    @Override
    public long enqueue(long incident, OutboxJob.Kind kind, String payload, Instant at) {
        return h.createUpdate("""
                INSERT INTO outbox (incident, kind, payload, next_attempt_at, created_at) VALUES (:i, :k, :p, :at, :at)""")
                .bind("i", incident).bind("k", kind.name()).bind("p", payload).bind("at", micros(at))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @Override
    public List<OutboxJob> dueHeads(Instant now, int limit) {
        return h.createQuery("""
                SELECT o.* FROM outbox o
                JOIN (SELECT incident, MIN(id) AS id FROM outbox WHERE state = 'pending' GROUP BY incident) head
                  ON head.id = o.id
                WHERE o.next_attempt_at <= :now ORDER BY o.next_attempt_at, o.id LIMIT :l""")
                .bind("now", micros(now)).bind("l", limit)
                .map((rs, ctx) -> new OutboxJob(rs.getLong("id"), rs.getLong("incident"),
                        OutboxJob.Kind.valueOf(rs.getString("kind")), rs.getString("payload"), rs.getInt("attempts"),
                        instant(rs, "next_attempt_at"), instant(rs, "created_at"))).list();
    }

    @Override
    public boolean startAttempt(long id) {
        return h.createUpdate("UPDATE outbox SET attempts = attempts + 1 WHERE id = :id AND state = 'pending'")
                .bind("id", id).execute() == 1;
    }

    @Override
    public void markDone(long id, Instant at) {
        h.createUpdate("UPDATE outbox SET state = 'done', finished_at = :at WHERE id = :id")
                .bind("at", micros(at)).bind("id", id).execute();
    }

    @Override
    public void retryAt(long id, Instant next, String error) {
        h.createUpdate("UPDATE outbox SET next_attempt_at = :n, last_error = :e WHERE id = :id")
                .bind("n", micros(next)).bind("e", error).bind("id", id).execute();
    }

    @Override
    public void markFailed(long id, Instant at, String error) {
        h.createUpdate("UPDATE outbox SET state = 'failed', finished_at = :at, last_error = :e WHERE id = :id")
                .bind("at", micros(at)).bind("e", error).bind("id", id).execute();
    }

    @Override
    public List<FailedJob> failed(int limit) {
        return failedRows(h.createQuery(
                "SELECT * FROM outbox WHERE state = 'failed' ORDER BY finished_at DESC LIMIT :l").bind("l", limit));
    }

    @Override
    public List<FailedJob> failed(long incident) {
        return failedRows(h.createQuery(
                "SELECT * FROM outbox WHERE state = 'failed' AND incident = :i ORDER BY id").bind("i", incident));
    }

    @Override
    public long pendingCount() {
        return h.createQuery("SELECT COUNT(*) FROM outbox WHERE state = 'pending'").mapTo(Long.class).one();
    }

    private static List<FailedJob> failedRows(Query q) {
        return q.map((rs, ctx) -> new FailedJob(rs.getLong("id"), rs.getLong("incident"),
                OutboxJob.Kind.valueOf(rs.getString("kind")), rs.getString("last_error"),
                instant(rs, "finished_at"))).list();
    }
}
