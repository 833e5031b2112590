package io.incidentbot.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Display names of Slack users, cached from {@code users.info} (or a Slack export's users.json). */
public interface UserNameRepository {
    /** @return the cached display name of a Slack user ID */
    Optional<String> find(String userId);

    /** @return every cached name, user ID to display name */
    Map<String, String> all();

    /** Stores or replaces a display name. */
    void put(String userId, String displayName, Instant fetchedAt);
}
