package io.incidentbot.postmortem;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.store.Repositories;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The port the draft's <b>Related incidents</b> section reads (issue 22): earlier incidents like this one, with the
 * state of their follow-ups. "Seen before" ({@code trackers/seen/SeenBeforeRelated}) implements it; {@link #NONE}
 * leaves the section out, so a draft without related incidents is unchanged.
 */
@FunctionalInterface
public interface RelatedIncidents {
    /** No related incidents. */
    RelatedIncidents NONE = (r, incident) -> List.of();

    /**
     * @param r        the draft's read transaction
     * @param incident the incident drafted
     * @return the related incidents, most related first; only those the incident's channel may see
     */
    List<Related> find(Repositories r, Incident incident);

    /**
     * A related incident.
     *
     * @param number        incident number
     * @param title         title
     * @param severity      severity
     * @param declaredAt    when it was declared
     * @param resolvedAt    when it was resolved, or null while open
     * @param why           why it is related, in a reader's words (e.g. {@code same alert group})
     * @param postmortemUrl link to its postmortem draft, or null
     * @param followUps     its follow-ups, in the order recorded
     */
    record Related(long number, String title, Severity severity, Instant declaredAt, Instant resolvedAt, String why,
                   String postmortemUrl, List<FollowUpState> followUps) {
    }

    /**
     * A follow-up of a related incident.
     *
     * @param text     what is to be done (Slack markup as typed)
     * @param state    {@code open}, {@code done} or {@code wont_do}
     * @param ownerId  Slack user ID of its owner, or null
     * @param due      due date, or null
     * @param issueKey its tracker issue's key (e.g. {@code acme/ops#3}), or null
     * @param issueUrl its tracker issue's web page, or null
     */
    record FollowUpState(String text, String state, String ownerId, LocalDate due, String issueKey, String issueUrl) {
    }
}
