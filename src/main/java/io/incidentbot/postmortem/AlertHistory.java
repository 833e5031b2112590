package io.incidentbot.postmortem;

import io.incidentbot.incident.Incident;
import io.incidentbot.store.Repositories;

import java.util.List;

/**
 * Where the postmortem finds the alerts that fired for an incident: their names and firing intervals,
 * shown in the Impact section ("alert durations") and as bars in the timeline picture. The alerts
 * domain supplies one once it stores alert groups per incident; until then {@link #NONE}.
 */
@FunctionalInterface
public interface AlertHistory {
    /** No alerts known: Impact has no alert line and the picture no alert rows. */
    AlertHistory NONE = (r, incident) -> List.of();

    /**
     * @param r        repositories of the caller's (read) transaction
     * @param incident the incident
     * @return the alerts that fired for it, each with its start and end (null while still firing), in
     *         start order
     */
    List<ChartInput.AlertSpan> spans(Repositories r, Incident incident);
}
