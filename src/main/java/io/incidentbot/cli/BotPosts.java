package io.incidentbot.cli;

import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.slack.render.ChannelPosts;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads this bot's own channel posts in an export back into what they record: status, severity and
 * role changes (posted as {@code <@U1> changed status: Status investigating → identified},
 * {@code <@U1> changed severity: Severity SEV2 → SEV1}, {@code <@U1> assigned comms: <@U2>}). They
 * give an imported incident its identified, mitigated and resolved times and its key events. Posts of
 * other bots, or in other words, are ignored.
 */
final class BotPosts {
    private final List<TimelineEntry> entries = new ArrayList<>();
    private final Map<Role, String> roles = new EnumMap<>(Role.class);
    private Severity firstSeverity;
    private Status status;
    private Instant identifiedAt;
    private Instant mitigatedAt;
    private Instant resolvedAt;

    /** Reads one bot post (through {@link ChannelPosts#parse}, the renderer's own patterns); posts in other shapes change nothing. */
    void read(ExportMessage m) {
        Optional<IncidentEvent> event = ChannelPosts.parse(m.text(), m.at());
        if (event.isEmpty()) {
            return;
        }
        IncidentEvent e = event.get();
        if (e instanceof IncidentEvent.StatusChanged c) {
            status(m.at(), c.actor(), c.from(), c.to());
        } else if (e instanceof IncidentEvent.Reopened c) {
            status(m.at(), c.actor(), c.from(), c.to());
        } else if (e instanceof IncidentEvent.SeverityChanged v) {
            firstSeverity = firstSeverity != null ? firstSeverity : v.from();
            add(EntryKind.SEVERITY_CHANGE, m.at(), v.actor(), "Severity " + v.from().name() + " → " + v.to().name());
        } else if (e instanceof IncidentEvent.RoleAssigned r) {
            roles.put(r.role(), r.user());
            add(EntryKind.ROLE_CHANGE, m.at(), r.actor(), r.role().label() + ": " + TimelineEntry.userToken(r.user()));
        }
    }

    private void status(Instant at, String actor, Status from, Status to) {
        String change = "Status " + from.label() + " → " + to.label();
        boolean reopened = from == Status.RESOLVED && to != Status.RESOLVED;
        if (reopened) {
            add(EntryKind.REOPENED, at, actor, "Reopened: " + change);
        } else {
            add(EntryKind.STATUS_CHANGE, at, actor, change);
        }
        if (identifiedAt == null && to.compareTo(Status.IDENTIFIED) >= 0) {
            identifiedAt = at;
        }
        if (mitigatedAt == null && to.compareTo(Status.MONITORING) >= 0) {
            mitigatedAt = at;
        }
        resolvedAt = to == Status.RESOLVED ? at : null;
        status = to;
    }

    private void add(EntryKind kind, Instant at, String actor, String text) {
        entries.add(new TimelineEntry(0, 0, kind, at, null, null, actor, text, null, false, false, List.of()));
    }

    /** @return command entries for the changes read, incident number 0 */
    List<TimelineEntry> entries() {
        return entries;
    }

    /** @return role holders as the posts left them */
    Map<Role, String> roles() {
        return roles;
    }

    /** @return the severity before the first severity change, or null when none was posted */
    Severity firstSeverity() {
        return firstSeverity;
    }

    /** @return when the status first reached identified, or null */
    Instant identifiedAt() {
        return identifiedAt;
    }

    /** @return when the status first reached monitoring, or null */
    Instant mitigatedAt() {
        return mitigatedAt;
    }

    /** @return when the incident was last resolved, or null when the posts leave it open */
    Instant resolvedAt() {
        return status == Status.RESOLVED ? resolvedAt : null;
    }
}
