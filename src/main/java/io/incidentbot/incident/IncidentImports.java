package io.incidentbot.incident;

import io.incidentbot.store.Storage;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores an incident read from elsewhere (a Slack export) as a resolved incident, in one transaction.
 * A channel stored before is not stored again.
 */
public final class IncidentImports {
    private final Storage storage;
    private final Clock clock;

    /** @param clock time source for the display-name cache */
    public IncidentImports(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * A resolved incident to store.
     *
     * @param channelId       Slack channel ID ({@code C...}) it happened in
     * @param channelName     that channel's name
     * @param privateIncident true for a private channel
     * @param roles           role holders, role to Slack user ID
     * @param participants    Slack user ID to when they first took part
     * @param entries         timeline entries (incident number ignored); messages have a {@code ts}
     * @param names           Slack user ID to display name, for the draft
     */
    public record Imported(String channelId, String channelName, String title, Severity severity, boolean privateIncident,
                           String declaredBy, Instant declaredAt, Instant identifiedAt, Instant mitigatedAt,
                           Instant resolvedAt, Map<Role, String> roles, Map<String, Instant> participants,
                           List<TimelineEntry> entries, Map<String, String> names) {
    }

    /**
     * The incident a channel is stored as.
     *
     * @param number  incident number
     * @param created true when this call stored it, false when the channel was imported before
     */
    public record Stored(long number, boolean created) {
    }

    /** @return the incident the channel is stored as, and whether this call stored it */
    public Stored store(Imported p) {
        return storage.transaction(r -> {
            Optional<Incident> existing = r.incidents().findByChannel(p.channelId());
            if (existing.isPresent()) {
                return new Stored(existing.get().number(), false);
            }
            long n = r.incidents().create(p.title(), p.severity(), p.privateIncident(), null, p.declaredBy(),
                    p.declaredAt()).number();
            r.incidents().setChannel(n, p.channelId(), p.channelName());
            r.incidents().setStatus(n, Status.RESOLVED, p.identifiedAt(), p.mitigatedAt(), p.resolvedAt());
            p.roles().forEach((role, user) -> r.incidents().setRole(n, role, user, p.declaredAt()));
            p.participants().forEach((user, at) -> r.participants().add(n, user, at));
            for (TimelineEntry e : p.entries()) {
                TimelineEntry entry = new TimelineEntry(0, n, e.kind(), e.at(), e.ts(), e.threadTs(), e.userId(), e.text(),
                        e.editedAt(), e.deleted(), e.keyEvent(), e.files());
                if (entry.ts() == null) {
                    r.timeline().add(entry);
                } else {
                    r.timeline().addMessageIfAbsent(entry);
                }
            }
            p.names().forEach((id, name) -> r.userNames().put(id, name, clock.instant()));
            return new Stored(n, true);
        });
    }
}
