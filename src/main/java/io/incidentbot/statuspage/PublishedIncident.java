package io.incidentbot.statuspage;

import java.time.Instant;
import java.util.Map;

/**
 * An incident as published on the status page. Only {@code title} and the public updates are ever shown;
 * {@code incident} (the internal number) never leaves the bot.
 *
 * @param publicId     random public ID used in URLs and the JSON API, never the incident number
 * @param incident     the internal incident number
 * @param title        public title
 * @param status       public status
 * @param impact       the worst impact it has had (from its affected components' states, at least minor)
 * @param affected     component public ID to the state this incident put it in, in page order
 * @param createdAt    when it was published
 * @param updatedAt    when it last changed
 * @param monitoringAt when it first became monitoring, or null
 * @param resolvedAt   when it was resolved on the page, or null while unresolved
 */
public record PublishedIncident(String publicId, long incident, String title, PublicStatus status, Indicator impact,
                                Map<String, ComponentState> affected, Instant createdAt, Instant updatedAt,
                                Instant monitoringAt, Instant resolvedAt) {
    public PublishedIncident {
        affected = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(affected));
    }

    /** @return true until resolved */
    public boolean unresolved() {
        return status != PublicStatus.RESOLVED;
    }
}
