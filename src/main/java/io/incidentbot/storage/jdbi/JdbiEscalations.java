package io.incidentbot.storage.jdbi;

import io.incidentbot.store.EscalationRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link EscalationRepository} on table {@code escalation} (portable SQL), bound to one transaction's handle. */
public final class JdbiEscalations implements EscalationRepository {
    private static final RowMapper<Due> DUE = (rs, ctx) -> new Due(rs.getLong("incident"), rs.getInt("step"),
            rs.getInt("round"), instant(rs, "due_at"));
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiEscalations(Handle h) {
        this.h = h;
    }

    @Override
    public void schedule(long incident, int step, int round, Instant dueAt) {
        h.createUpdate("""
                INSERT INTO escalation (incident, step, round, due_at, sent_at) VALUES (:i, :s, :r, :d, NULL)
                ON CONFLICT (incident) DO UPDATE SET step = excluded.step, round = excluded.round,
                    due_at = excluded.due_at, sent_at = NULL""")
                .bind("i", incident).bind("s", step).bind("r", round).bind("d", micros(dueAt)).execute();
    }

    @Override
    public void stop(long incident) {
        h.createUpdate("DELETE FROM escalation WHERE incident = :i").bind("i", incident).execute();
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return h.createQuery("""
                SELECT incident, step, round, due_at FROM escalation WHERE sent_at IS NULL AND due_at <= :now
                ORDER BY due_at LIMIT :limit""").bind("now", micros(now)).bind("limit", limit).map(DUE).list();
    }

    @Override
    public boolean claim(long incident, int step, int round, Instant now) {
        return h.createUpdate("""
                UPDATE escalation SET sent_at = :now
                WHERE incident = :i AND step = :s AND round = :r AND due_at <= :now AND sent_at IS NULL""")
                .bind("now", micros(now)).bind("i", incident).bind("s", step).bind("r", round).execute() == 1;
    }

    @Override
    public Optional<Due> pending(long incident) {
        return h.createQuery("SELECT incident, step, round, due_at FROM escalation WHERE incident = :i AND sent_at IS NULL")
                .bind("i", incident).map(DUE).findFirst();
    }
}
