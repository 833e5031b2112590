package io.incidentbot.storage.jdbi;

import io.incidentbot.incident.Participant;
import io.incidentbot.store.ParticipantRepository;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link ParticipantRepository} on table {@code participant}, bound to the handle of one transaction. */
public final class JdbiParticipants implements ParticipantRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiParticipants(Handle h) {
        this.h = h;
    }

    @Override
    public void add(long incident, String userId, Instant joinedAt) {
        // The WHERE of the upsert keeps the earliest time (portable: SQLite's two-argument MIN is not).
        h.createUpdate("""
                INSERT INTO participant (incident, user_id, joined_at) VALUES (:i, :u, :at)
                ON CONFLICT (incident, user_id) DO UPDATE SET joined_at = excluded.joined_at
                WHERE excluded.joined_at < participant.joined_at""")
                .bind("i", incident).bind("u", userId).bind("at", micros(joinedAt)).execute();
    }

    @Override
    public List<Participant> list(long incident) {
        return h.createQuery("SELECT * FROM participant WHERE incident = :i ORDER BY joined_at, user_id")
                .bind("i", incident)
                .map((rs, ctx) -> new Participant(rs.getLong("incident"), rs.getString("user_id"),
                        instant(rs, "joined_at"))).list();
    }
}
