package io.incidentbot.storage.jdbi;

import io.incidentbot.reminders.ReminderKind;
import io.incidentbot.store.ReminderRepository;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link ReminderRepository} on table {@code reminder} (portable SQL), bound to one transaction's handle. */
public final class JdbiReminders implements ReminderRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiReminders(Handle h) {
        this.h = h;
    }

    @Override
    public void schedule(long incident, ReminderKind kind, Instant dueAt) {
        h.createUpdate("""
                INSERT INTO reminder (incident, kind, due_at, sent_at, unanswered) VALUES (:i, :k, :d, NULL, 0)
                ON CONFLICT (incident, kind) DO UPDATE SET due_at = excluded.due_at, sent_at = NULL, unanswered = 0""")
                .bind("i", incident).bind("k", kind.name()).bind("d", micros(dueAt)).execute();
    }

    @Override
    public void cancel(long incident, ReminderKind kind) {
        h.createUpdate("DELETE FROM reminder WHERE incident = :i AND kind = :k")
                .bind("i", incident).bind("k", kind.name()).execute();
    }

    @Override
    public void cancelAll(long incident) {
        h.createUpdate("DELETE FROM reminder WHERE incident = :i").bind("i", incident).execute();
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return h.createQuery("""
                SELECT incident, kind, due_at FROM reminder WHERE sent_at IS NULL AND due_at <= :now
                ORDER BY due_at LIMIT :limit""").bind("now", micros(now)).bind("limit", limit)
                .map((rs, ctx) -> new Due(rs.getLong("incident"), ReminderKind.valueOf(rs.getString("kind")),
                        instant(rs, "due_at"))).list();
    }

    @Override
    public boolean claim(long incident, ReminderKind kind, Instant dueAt, Instant now) {
        return h.createUpdate("""
                UPDATE reminder SET sent_at = :now, unanswered = unanswered + 1
                WHERE incident = :i AND kind = :k AND due_at = :due AND due_at <= :now AND sent_at IS NULL""")
                .bind("now", micros(now)).bind("due", micros(dueAt)).bind("i", incident).bind("k", kind.name())
                .execute() == 1;
    }

    @Override
    public void next(long incident, ReminderKind kind, Instant dueAt) {
        h.createUpdate("UPDATE reminder SET due_at = :d, sent_at = NULL WHERE incident = :i AND kind = :k")
                .bind("i", incident).bind("k", kind.name()).bind("d", micros(dueAt)).execute();
    }

    @Override
    public int unanswered(long incident, ReminderKind kind) {
        return h.createQuery("SELECT unanswered FROM reminder WHERE incident = :i AND kind = :k")
                .bind("i", incident).bind("k", kind.name()).mapTo(Integer.class).findFirst().orElse(0);
    }

    @Override
    public Optional<Due> pending(long incident, ReminderKind kind) {
        return h.createQuery("SELECT incident, kind, due_at FROM reminder WHERE incident = :i AND kind = :k AND sent_at IS NULL")
                .bind("i", incident).bind("k", kind.name())
                .map((rs, ctx) -> new Due(rs.getLong("incident"), kind, instant(rs, "due_at"))).findFirst();
    }
}
