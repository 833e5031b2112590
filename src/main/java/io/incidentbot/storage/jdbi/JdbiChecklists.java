package io.incidentbot.storage.jdbi;

import io.incidentbot.incident.Role;
import io.incidentbot.process.checklist.ChecklistEntry;
import io.incidentbot.store.ChecklistRepository;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link ChecklistRepository} on tables {@code checklist_item} and {@code checklist_message} (portable SQL). */
public final class JdbiChecklists implements ChecklistRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiChecklists(Handle h) {
        this.h = h;
    }

    @Override
    public boolean addDue(ChecklistEntry e) {
        return h.createUpdate("""
                INSERT INTO checklist_item (incident, item, checklist, title, description, runbook, role, required, due_at)
                VALUES (:i, :item, :c, :t, :d, :r, :role, :req, :at) ON CONFLICT (incident, item) DO NOTHING""")
                .bind("i", e.incident()).bind("item", e.item()).bind("c", e.checklist()).bind("t", e.title())
                .bind("d", e.description()).bind("r", e.runbook()).bind("role", e.role() == null ? null : e.role().label())
                .bind("req", e.required() ? 1 : 0).bind("at", micros(e.dueAt())).execute() == 1;
    }

    @Override
    public List<ChecklistEntry> list(long incident) {
        return h.createQuery("SELECT * FROM checklist_item WHERE incident = :i ORDER BY item").bind("i", incident)
                .map((rs, ctx) -> new ChecklistEntry(rs.getLong("incident"), rs.getInt("item"), rs.getString("checklist"),
                        rs.getString("title"), rs.getString("description"), rs.getString("runbook"),
                        Role.parse(rs.getString("role")).orElse(null), rs.getInt("required") != 0, instant(rs, "due_at"),
                        rs.getString("done_by"), instant(rs, "done_at"))).list();
    }

    @Override
    public boolean mark(long incident, int item, String user, Instant at) {
        return h.createUpdate("UPDATE checklist_item SET done_by = :u, done_at = :at WHERE incident = :i AND item = :item AND "
                        + (user == null ? "done_by IS NOT NULL" : "done_by IS NULL"))
                .bind("u", user).bind("at", user == null ? null : micros(at)).bind("i", incident).bind("item", item)
                .execute() == 1;
    }

    @Override
    public Optional<Message> message(long incident) {
        return h.createQuery("SELECT channel, ts FROM checklist_message WHERE incident = :i").bind("i", incident)
                .map((rs, ctx) -> new Message(rs.getString("channel"), rs.getString("ts"))).findFirst();
    }

    @Override
    public void setMessage(long incident, Message m) {
        h.createUpdate("""
                INSERT INTO checklist_message (incident, channel, ts) VALUES (:i, :c, :ts)
                ON CONFLICT (incident) DO UPDATE SET channel = excluded.channel, ts = excluded.ts""")
                .bind("i", incident).bind("c", m.channel()).bind("ts", m.ts()).execute();
    }
}
