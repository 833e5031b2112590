package io.incidentbot.storage.jdbi;

import io.incidentbot.store.HomeViewRepository;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link HomeViewRepository} on table {@code home_view} (portable SQL), bound to one transaction's handle. */
public final class JdbiHomeViews implements HomeViewRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiHomeViews(Handle h) {
        this.h = h;
    }

    @Override
    public void opened(String userId, Instant at) {
        h.createUpdate("""
                INSERT INTO home_view (user_id, opened_at) VALUES (:u, :at)
                ON CONFLICT (user_id) DO UPDATE SET opened_at = excluded.opened_at""")
                .bind("u", userId).bind("at", micros(at)).execute();
    }

    @Override
    public List<String> openedSince(Instant since) {
        return h.createQuery("SELECT user_id FROM home_view WHERE opened_at >= :s ORDER BY user_id")
                .bind("s", micros(since)).mapTo(String.class).list();
    }

    @Override
    public boolean claimPublish(String userId, Instant now, Instant notAfter, String hash) {
        return h.createUpdate("""
                UPDATE home_view SET published_at = :now, content_hash = :hash
                WHERE user_id = :u AND (published_at IS NULL OR published_at <= :notAfter)
                  AND (content_hash IS NULL OR content_hash <> :hash)""")
                .bind("now", micros(now)).bind("hash", hash).bind("u", userId).bind("notAfter", micros(notAfter))
                .execute() == 1;
    }
}
