package io.incidentbot.incident;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * What a use case changed, as a typed record the Slack adapter renders (slack/render) into the
 * incident channel. Stored in outbox payloads (Jackson, tagged by {@code event}), so each record is a
 * snapshot of what the post must say, taken when the change was committed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = IncidentEvent.StatusChanged.class, name = "status_changed"),
        @JsonSubTypes.Type(value = IncidentEvent.Reopened.class, name = "reopened"),
        @JsonSubTypes.Type(value = IncidentEvent.SeverityChanged.class, name = "severity_changed"),
        @JsonSubTypes.Type(value = IncidentEvent.RoleAssigned.class, name = "role_assigned"),
        @JsonSubTypes.Type(value = IncidentEvent.NoteAdded.class, name = "note_added"),
        @JsonSubTypes.Type(value = IncidentEvent.StatusUpdatePosted.class, name = "status_update_posted"),
        @JsonSubTypes.Type(value = IncidentEvent.FollowUpRecorded.class, name = "follow_up_recorded"),
        @JsonSubTypes.Type(value = IncidentEvent.AlertsResolved.class, name = "alerts_resolved")
})
public sealed interface IncidentEvent {
    /** @return Slack user ID of who made the change */
    String actor();

    /** @return when the change was committed */
    Instant at();

    /** The status moved forward or back, without leaving {@code resolved}. */
    record StatusChanged(String actor, Status from, Status to, Instant at) implements IncidentEvent {
    }

    /** A resolved incident got another status again. @param incident incident number */
    record Reopened(String actor, long incident, Status from, Status to, Instant at) implements IncidentEvent {
    }

    /** The severity changed. */
    record SeverityChanged(String actor, Severity from, Severity to, Instant at) implements IncidentEvent {
    }

    /** {@code user} (Slack user ID) now holds {@code role}. */
    record RoleAssigned(String actor, Role role, String user, Instant at) implements IncidentEvent {
    }

    /** A note was added to the timeline. */
    record NoteAdded(String actor, String text, Instant at) implements IncidentEvent {
    }

    /** A status update for stakeholders was recorded. */
    record StatusUpdatePosted(String actor, String text, Instant at) implements IncidentEvent {
    }

    /** A follow-up was recorded; {@code owner} is a Slack user ID or null when nobody was named. */
    record FollowUpRecorded(String actor, String text, String owner, Instant at) implements IncidentEvent {
    }

    /**
     * Every alert of the alert group that declared the incident has resolved ({@code alerts} of them);
     * the bot suggests {@code monitoring} and never resolves by itself. {@code actor} is the bot.
     */
    record AlertsResolved(String actor, int alerts, Instant at) implements IncidentEvent {
    }
}
