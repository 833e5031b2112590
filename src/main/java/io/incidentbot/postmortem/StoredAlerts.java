package io.incidentbot.postmortem;

import io.incidentbot.incident.Incident;
import io.incidentbot.store.Repositories;

import java.util.List;

/**
 * {@link AlertHistory} from the stored alert groups (issue 12): the alerts of the group that declared
 * the incident, each from its first firing to its resolution (open while still firing).
 */
public final class StoredAlerts implements AlertHistory {
    @Override
    public List<ChartInput.AlertSpan> spans(Repositories r, Incident incident) {
        return r.alerts().alertsOfIncident(incident.number()).stream().filter(a -> a.firstFiredAt() != null)
                .map(a -> new ChartInput.AlertSpan(a.name(), a.firstFiredAt(),
                        a.status() == io.incidentbot.alerts.AlertStatus.FIRING ? null : a.resolvedAt()))
                .toList();
    }
}
