package io.incidentbot.changes;

import java.time.Instant;
import java.util.Objects;

/**
 * A change to production that may explain an incident ("what changed?"): a deploy, a merged pull
 * request, a pushed commit, a release, a config or feature-flag change. Stored once, at its own time.
 *
 * @param source      where it came from: {@code github} or {@code changes} (the generic hook)
 * @param externalId  identity for deduplication: the same change delivered twice has the same id
 * @param title       one line saying what changed
 * @param service     the service or repository changed, may be null
 * @param environment e.g. {@code production}, may be null
 * @param author      who made it (a login or name), may be null
 * @param url         link to the change, may be null
 * @param kind        deploy, config, feature_flag, infra or other
 * @param at          when the change happened, by the sender's clock
 */
public record Change(
        String source,
        String externalId,
        String title,
        String service,
        String environment,
        String author,
        String url,
        ChangeKind kind,
        Instant at) {

    public Change {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
