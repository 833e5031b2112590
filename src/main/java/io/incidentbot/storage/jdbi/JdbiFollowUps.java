package io.incidentbot.storage.jdbi;

import io.incidentbot.incident.FollowUp;
import io.incidentbot.store.FollowUpRepository;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link FollowUpRepository} on table {@code follow_up}, bound to the handle of one transaction. */
public final class JdbiFollowUps implements FollowUpRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiFollowUps(Handle h) {
        this.h = h;
    }

    @Override
    public FollowUp add(long incident, String text, String ownerId, String createdBy, Instant createdAt) {
        long id = h.createUpdate("""
                INSERT INTO follow_up (incident, text, owner_id, created_by, created_at) VALUES (:i, :t, :o, :b, :at)""")
                .bind("i", incident).bind("t", text).bind("o", ownerId).bind("b", createdBy)
                .bind("at", micros(createdAt)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new FollowUp(id, incident, text, ownerId, createdBy, createdAt);
    }

    @Override
    public List<FollowUp> list(long incident) {
        return h.createQuery("SELECT * FROM follow_up WHERE incident = :i ORDER BY id").bind("i", incident)
                .map((rs, ctx) -> new FollowUp(rs.getLong("id"), rs.getLong("incident"), rs.getString("text"),
                        rs.getString("owner_id"), rs.getString("created_by"), instant(rs, "created_at"))).list();
    }
}
