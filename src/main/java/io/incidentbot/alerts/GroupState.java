package io.incidentbot.alerts;

import java.util.Map;
import java.util.OptionalLong;

/**
 * What is already stored about an alert group, as the routing decision needs it.
 *
 * @param openIncident number of the open incident this group declared (or was attached to), empty
 *                     when there is none or it is resolved
 * @param lastStatus   the last stored status of each alert of the group, alert key to status (empty
 *                     for a group never seen)
 */
public record GroupState(OptionalLong openIncident, Map<String, AlertStatus> lastStatus) {

    public GroupState {
        openIncident = openIncident == null ? OptionalLong.empty() : openIncident;
        lastStatus = Map.copyOf(lastStatus == null ? Map.of() : lastStatus);
    }

    /** @return the state of a group never seen before */
    public static GroupState unseen() {
        return new GroupState(OptionalLong.empty(), Map.of());
    }
}
