package io.incidentbot.postmortem;

import java.util.Optional;

/**
 * Where display names of Slack users come from when the database has none cached: a port, implemented
 * by the Slack adapter with {@code users.info}.
 */
@FunctionalInterface
public interface UserDirectory {
    /** A directory that knows nobody: names come from the cache only (the command line without a token). */
    UserDirectory NONE = userId -> Optional.empty();

    /**
     * Looks a user up. Called outside any database transaction, once per unknown user per draft.
     *
     * @param userId Slack user ID, {@code U...} or {@code W...}
     * @return the user's display name (profile display name, else real name, else user name), or
     *         empty when the user does not exist
     * @throws RuntimeException when the directory cannot answer (network, rate limit); the draft then
     *         stops asking and falls back to cached names and {@code <@U...>}
     */
    Optional<String> displayName(String userId);
}
