package io.incidentbot.storage.jdbi;

import io.incidentbot.store.UserNameRepository;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link UserNameRepository} on table {@code slack_user}, bound to the handle of one transaction. */
public final class JdbiUserNames implements UserNameRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiUserNames(Handle h) {
        this.h = h;
    }

    @Override
    public Optional<String> find(String userId) {
        return h.createQuery("SELECT display_name FROM slack_user WHERE user_id = :u").bind("u", userId)
                .mapTo(String.class).findFirst();
    }

    /** @return every cached name, user ID to display name, ordered by user ID */
    @Override
    public Map<String, String> all() {
        Map<String, String> names = new LinkedHashMap<>();
        h.createQuery("SELECT user_id, display_name FROM slack_user ORDER BY user_id")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    @Override
    public void put(String userId, String displayName, Instant fetchedAt) {
        h.createUpdate("""
                INSERT INTO slack_user (user_id, display_name, fetched_at) VALUES (:u, :n, :at)
                ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, fetched_at = excluded.fetched_at""")
                .bind("u", userId).bind("n", displayName).bind("at", micros(fetchedAt)).execute();
    }
}
