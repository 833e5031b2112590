package io.incidentbot.postmortem;

import io.incidentbot.incident.FollowUp;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Participant;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the postmortem draft is made from: stored state only, no Slack calls.
 *
 * @param incident     the incident
 * @param entries      its timeline entries (deleted ones included; the draft leaves them out)
 * @param followUps    its follow-ups, in the order recorded
 * @param participants its participants (people who joined or wrote); message authors missing from
 *                     this list are counted as participants too
 * @param displayNames Slack user ID to display name; IDs not in it are shown as {@code <@U123>}
 * @param zone         time zone for every time in the draft, e.g. {@code UTC}
 * @param alerts       the alerts of the alert group that declared it, by first fired (empty for most incidents)
 * @param changesBefore the changes of {@code INCIDENT_CHANGE_WINDOW} before it was declared, most recent first
 */
public record PostmortemInput(Incident incident, TimelineSource entries, List<FollowUp> followUps,
                              List<Participant> participants, Map<String, String> displayNames, ZoneId zone,
                              List<io.incidentbot.store.AlertRepository.StoredAlert> alerts,
                              List<io.incidentbot.changes.Change> changesBefore) {

    /** An input without alerts or changes (the draft then has neither section). */
    public PostmortemInput(Incident incident, TimelineSource entries, List<FollowUp> followUps,
                           List<Participant> participants, Map<String, String> displayNames, ZoneId zone) {
        this(incident, entries, followUps, participants, displayNames, zone, List.of(), List.of());
    }

    public PostmortemInput {
        alerts = List.copyOf(alerts);
        changesBefore = List.copyOf(changesBefore);
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(entries, "entries");
        followUps = List.copyOf(followUps);
        participants = List.copyOf(participants);
        displayNames = Map.copyOf(displayNames);
        Objects.requireNonNull(zone, "zone");
    }
}
