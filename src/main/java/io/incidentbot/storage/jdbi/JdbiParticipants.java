package io.incidentbot.storage.jdbi;

import io.incidentbot.incident.Participant;
import io.incidentbot.store.ParticipantRepository;
import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/**
 * {@link ParticipantRepository} on table {@code participant}, bound to the handle of one transaction. The
 * membership upsert, run for every message event, is plain JDBC through the transaction's {@link PreparedCache}.
 */
public final class JdbiParticipants implements ParticipantRepository {
    /**
     * One upsert: joined_at keeps the earliest time, in_channel the state of the latest change by time
     * (CASE, portable: SQLite's two-argument MIN and MAX are not).
     */
    private static final String MEMBERSHIP = """
            INSERT INTO participant (incident, user_id, joined_at, in_channel, member_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (incident, user_id) DO UPDATE SET
              joined_at = CASE WHEN excluded.joined_at < participant.joined_at
                               THEN excluded.joined_at ELSE participant.joined_at END,
              in_channel = CASE WHEN excluded.member_at >= participant.member_at
                                THEN excluded.in_channel ELSE participant.in_channel END,
              member_at = CASE WHEN excluded.member_at >= participant.member_at
                               THEN excluded.member_at ELSE participant.member_at END""";

    private final Handle h;
    private final PreparedCache prepared;

    /**
     * @param h        the handle of the caller's transaction
     * @param prepared that transaction's statements
     */
    JdbiParticipants(Handle h, PreparedCache prepared) {
        this.h = h;
        this.prepared = prepared;
    }

    @Override
    public void add(long incident, String userId, Instant joinedAt) {
        membership(incident, userId, joinedAt, true);
    }

    @Override
    public void left(long incident, String userId, Instant at) {
        membership(incident, userId, at, false);
    }

    private void membership(long incident, String userId, Instant at, boolean present) {
        try {
            PreparedStatement s = prepared.get(MEMBERSHIP);
            s.setLong(1, incident);
            s.setString(2, userId);
            s.setLong(3, micros(at));
            s.setBoolean(4, present);
            s.setLong(5, micros(at));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StatementFailedException(MEMBERSHIP, e);
        }
    }

    @Override
    public boolean isMember(long incident, String userId) {
        return h.createQuery("SELECT in_channel FROM participant WHERE incident = :i AND user_id = :u")
                .bind("i", incident).bind("u", userId).mapTo(Boolean.class).findOne().orElse(false);
    }

    @Override
    public List<Participant> list(long incident) {
        return h.createQuery("SELECT * FROM participant WHERE incident = :i ORDER BY joined_at, user_id")
                .bind("i", incident)
                .map((rs, ctx) -> new Participant(rs.getLong("incident"), rs.getString("user_id"),
                        instant(rs, "joined_at"))).list();
    }
}
