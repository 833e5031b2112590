package io.incidentbot.storage.jdbi;

import io.incidentbot.changes.Change;
import io.incidentbot.changes.ChangeKind;
import io.incidentbot.store.ChangeRepository;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link ChangeRepository} on tables {@code change_event} and {@code github_delivery} (migration V6). */
public final class JdbiChanges implements ChangeRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiChanges(Handle h) {
        this.h = h;
    }

    @Override
    public boolean add(Change c, Instant receivedAt) {
        return h.createUpdate("""
                INSERT INTO change_event (source, external_id, title, service, environment, author, url, kind, at,
                                          received_at)
                VALUES (:source, :id, :title, :service, :env, :author, :url, :kind, :at, :r) ON CONFLICT DO NOTHING""")
                .bind("source", c.source()).bind("id", c.externalId()).bind("title", c.title())
                .bind("service", c.service()).bind("env", c.environment()).bind("author", c.author())
                .bind("url", c.url()).bind("kind", c.kind().name()).bind("at", micros(c.at()))
                .bind("r", micros(receivedAt)).execute() == 1;
    }

    @Override
    public List<Change> between(Instant from, Instant to, int limit) {
        return h.createQuery("""
                SELECT * FROM change_event WHERE at >= :from AND at <= :to ORDER BY at DESC, id DESC LIMIT :l""")
                .bind("from", micros(from)).bind("to", micros(to)).bind("l", limit)
                .map((rs, ctx) -> new Change(rs.getString("source"), rs.getString("external_id"),
                        rs.getString("title"), rs.getString("service"), rs.getString("environment"),
                        rs.getString("author"), rs.getString("url"), ChangeKind.valueOf(rs.getString("kind")),
                        instant(rs, "at"))).list();
    }

    @Override
    public long countBetween(Instant from, Instant to) {
        return h.createQuery("SELECT COUNT(*) FROM change_event WHERE at >= :from AND at <= :to")
                .bind("from", micros(from)).bind("to", micros(to)).mapTo(Long.class).one();
    }

    @Override
    public boolean firstDelivery(String deliveryId, Instant at) {
        return h.createUpdate("""
                INSERT INTO github_delivery (delivery_id, received_at) VALUES (:d, :at) ON CONFLICT DO NOTHING""")
                .bind("d", deliveryId).bind("at", micros(at)).execute() == 1;
    }
}
