package io.incidentbot.storage.jdbi;

import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.store.OutboxRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/**
 * {@link OutboxRepository} on table {@code outbox}, bound to the handle of one transaction. A job's
 * {@code state} is {@code pending}, {@code done} or {@code failed}; the jobs of one lane (incident,
 * subscriber) are delivered in ID order, so only the oldest pending job of each lane (its head) is ever due.
 * Deliveries are claimed with a lease ({@code lease_holder}, {@code lease_until}): the same columns
 * and SQL on SQLite (under its single writer) and PostgreSQL (plus {@code FOR UPDATE SKIP LOCKED}).
 */
public final class JdbiOutbox implements OutboxRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiOutbox(Handle h) {
        this.h = h;
    }

    @Override
    public long enqueue(long incident, String subscriber, String kind, String payload, Instant at) {
        return h.createUpdate("""
                INSERT INTO outbox (incident, subscriber, kind, payload, next_attempt_at, created_at)
                VALUES (:i, :s, :k, :p, :at, :at)""")
                .bind("i", incident).bind("s", subscriber).bind("k", kind).bind("p", payload).bind("at", micros(at))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @Override
    public List<OutboxJob> dueHeads(Instant now, int limit) {
        return h.createQuery("""
                SELECT o.* FROM outbox o
                JOIN (SELECT MIN(id) AS id FROM outbox WHERE state = 'pending' GROUP BY incident, subscriber) head
                  ON head.id = o.id
                WHERE o.next_attempt_at <= :now ORDER BY o.next_attempt_at, o.id LIMIT :l""")
                .bind("now", micros(now)).bind("l", limit).map(JdbiOutbox::job).list();
    }

    @Override
    public List<OutboxJob> claim(Instant now, Instant dueBy, String holder, Instant leaseUntil, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        boolean postgres = Dialect.postgres(h);
        List<OutboxJob> jobs = h.createQuery("""
                SELECT o.* FROM outbox o
                WHERE o.state = 'pending' AND o.next_attempt_at <= :due
                  AND (o.lease_until IS NULL OR o.lease_until < :now)
                  AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.state = 'pending' AND p.incident = o.incident
                                  AND p.subscriber = o.subscriber AND p.id < o.id)
                ORDER BY o.next_attempt_at, o.id LIMIT :l""" + (postgres ? " FOR UPDATE OF o SKIP LOCKED" : ""))
                .bind("now", micros(now)).bind("due", micros(dueBy)).bind("l", limit).map(JdbiOutbox::job).list();
        if (!jobs.isEmpty()) {
            h.createUpdate("UPDATE outbox SET lease_holder = :h, lease_until = :u WHERE id IN (<ids>)")
                    .bind("h", holder).bind("u", micros(leaseUntil))
                    .bindList("ids", jobs.stream().map(OutboxJob::id).toList()).execute();
        }
        return jobs;
    }

    @Override
    public void renewLeases(String holder, Instant leaseUntil) {
        h.createUpdate("UPDATE outbox SET lease_until = :u WHERE lease_holder = :h AND state = 'pending'")
                .bind("u", micros(leaseUntil)).bind("h", holder).execute();
    }

    @Override
    public void releaseLeases(String holder) {
        h.createUpdate("UPDATE outbox SET lease_holder = NULL, lease_until = NULL WHERE lease_holder = :h AND state = 'pending'")
                .bind("h", holder).execute();
    }

    private static OutboxJob job(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new OutboxJob(rs.getLong("id"), rs.getLong("incident"), rs.getString("subscriber"), rs.getString("kind"),
                rs.getString("payload"), rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "created_at"));
    }

    @Override
    public void startAttempt(long id) {
        h.createUpdate("UPDATE outbox SET attempts = attempts + 1 WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public void markDone(long id, Instant at) {
        h.createUpdate("UPDATE outbox SET state = 'done', finished_at = :at, lease_holder = NULL, lease_until = NULL"
                + " WHERE id = :id")
                .bind("at", micros(at)).bind("id", id).execute();
    }

    @Override
    public void retryAt(long id, Instant next, String error) {
        h.createUpdate("UPDATE outbox SET next_attempt_at = :n, last_error = :e, backing_off = FALSE,"
                + " lease_holder = NULL, lease_until = NULL WHERE id = :id")
                .bind("n", micros(next)).bind("e", error).bind("id", id).execute();
    }

    @Override
    public void backOffUntil(long id, Instant next, String error) {
        h.createUpdate("UPDATE outbox SET next_attempt_at = :n, last_error = :e, backing_off = TRUE,"
                + " lease_holder = NULL, lease_until = NULL WHERE id = :id")
                .bind("n", micros(next)).bind("e", error).bind("id", id).execute();
    }

    @Override
    public int expediteBackoffs(Instant now) {
        return h.createUpdate("""
                UPDATE outbox SET next_attempt_at = :now, backing_off = FALSE
                WHERE state = 'pending' AND backing_off = TRUE AND next_attempt_at > :now""")
                .bind("now", micros(now)).execute();
    }

    @Override
    public int pruneFinished(Instant doneBefore, Instant failedBefore, int limit) {
        return prune("done", doneBefore, limit) + prune("failed", failedBefore, limit);
    }

    private int prune(String state, Instant before, int limit) {
        return h.createUpdate("DELETE FROM outbox WHERE id IN "
                        + "(SELECT id FROM outbox WHERE state = :s AND finished_at < :b LIMIT :l)")
                .bind("s", state).bind("b", micros(before)).bind("l", limit).execute();
    }

    @Override
    public java.util.Optional<String> lastSent(long incident, String what) {
        return h.createQuery("SELECT text FROM slack_text WHERE incident = :i AND what = :w")
                .bind("i", incident).bind("w", what).mapTo(String.class).findOne();
    }

    @Override
    public void rememberSent(long incident, String what, String text) {
        h.createUpdate("""
                INSERT INTO slack_text (incident, what, text) VALUES (:i, :w, :t)
                ON CONFLICT (incident, what) DO UPDATE SET text = excluded.text""")
                .bind("i", incident).bind("w", what).bind("t", text).execute();
    }

    @Override
    public int dropOlderPending(long incident, String subscriber, String kind) {
        return h.createUpdate("""
                DELETE FROM outbox WHERE state = 'pending' AND incident = :i AND subscriber = :s AND kind = :k
                  AND attempts = 0
                  AND id < (SELECT MAX(id) FROM outbox WHERE state = 'pending' AND incident = :i AND subscriber = :s
                            AND kind = :k)""")
                .bind("i", incident).bind("s", subscriber).bind("k", kind).execute();
    }

    @Override
    public void markFailed(long id, Instant at, String error) {
        h.createUpdate("UPDATE outbox SET state = 'failed', finished_at = :at, last_error = :e, lease_holder = NULL,"
                + " lease_until = NULL WHERE id = :id")
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

    @Override
    public boolean anyPending(long incident, JobType type) {
        return h.createQuery("SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND incident = :i AND subscriber = :s"
                        + " AND kind = :k")
                .bind("i", incident).bind("s", type.subscriber()).bind("k", type.kind()).mapTo(Long.class).one() > 0;
    }

    @Override
    public Map<JobType, Long> pendingByKind() {
        Map<JobType, Long> counts = new java.util.HashMap<>();
        h.createQuery("SELECT subscriber, kind, COUNT(*) AS n FROM outbox WHERE state = 'pending' GROUP BY subscriber, kind")
                .map((rs, ctx) -> Map.entry(new JobType(rs.getString("subscriber"), rs.getString("kind")), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static List<FailedJob> failedRows(Query q) {
        return q.map((rs, ctx) -> new FailedJob(rs.getLong("id"), rs.getLong("incident"),
                rs.getString("subscriber"), rs.getString("kind"), rs.getString("last_error"),
                instant(rs, "finished_at"))).list();
    }
}
