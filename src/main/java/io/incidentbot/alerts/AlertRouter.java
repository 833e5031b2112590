package io.incidentbot.alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides what one alert notification does (issue 12, "Routing"). A pure function of the notification,
 * what is stored about its group, the settings and the clock; it writes nothing.
 *
 * <ol>
 *   <li>Only alerts whose status differs from the stored one count ({@link Transition}s): the same
 *       notification twice changes nothing ({@link Route.Reason#NO_CHANGE}).</li>
 *   <li>A group with an open incident never declares again: its transitions become
 *       {@link Route.TimelineEntries}.</li>
 *   <li>Else a group that is firing with at least one firing alert whose labels (over the common
 *       labels) match {@code INCIDENT_ALERT_DECLARE} becomes {@link Route.Declare}.</li>
 *   <li>Else {@link Route.AlertsChannel} when {@code INCIDENT_ALERTS_CHANNEL} is set, else
 *       {@link Route.Drop}.</li>
 * </ol>
 */
public final class AlertRouter {
    private final LabelMatchers declareWhen;
    private final boolean alertsChannelSet;
    private final Clock clock;

    /**
     * @param declareWhen      the parsed {@code INCIDENT_ALERT_DECLARE}
     * @param alertsChannelSet whether {@code INCIDENT_ALERTS_CHANNEL} is set
     * @param clock            gives the receipt time for a resolved alert without {@code endsAt}
     */
    public AlertRouter(LabelMatchers declareWhen, boolean alertsChannelSet, Clock clock) {
        this.declareWhen = Objects.requireNonNull(declareWhen, "declareWhen");
        this.alertsChannelSet = alertsChannelSet;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param notification the parsed webhook delivery
     * @param group        what is stored about ({@code notification.source()}, {@code groupKey})
     * @return the route; never null
     */
    public Route route(AlertNotification notification, GroupState group) {
        List<Transition> transitions = transitions(notification, group);
        if (group.openIncident().isPresent()) {
            if (transitions.isEmpty()) {
                return new Route.Drop(Route.Reason.NO_CHANGE);
            }
            return new Route.TimelineEntries(group.openIncident().getAsLong(), transitions,
                    allResolvedNow(notification, group));
        }
        if (transitions.isEmpty()) {
            return new Route.Drop(Route.Reason.NO_CHANGE);
        }
        if (declares(notification)) {
            return new Route.Declare(notification.title(), notification.severity(), transitions);
        }
        return alertsChannelSet ? new Route.AlertsChannel(transitions) : new Route.Drop(Route.Reason.NO_ALERTS_CHANNEL);
    }

    /**
     * @return whether the group is firing and one of its firing alerts matches {@code INCIDENT_ALERT_DECLARE}
     */
    public boolean declares(AlertNotification notification) {
        if (notification.status() != AlertStatus.FIRING) {
            return false;
        }
        for (Alert a : notification.firing()) {
            Map<String, String> labels = new HashMap<>(notification.commonLabels());
            labels.putAll(a.labels());
            if (declareWhen.matches(labels)) {
                return true;
            }
        }
        return false;
    }

    private List<Transition> transitions(AlertNotification n, GroupState group) {
        List<Transition> out = new ArrayList<>();
        for (Alert a : n.alerts()) {
            if (group.lastStatus().get(a.key()) == a.status()) {
                continue;
            }
            var at = a.statusSince();
            out.add(new Transition(a, a.status(), at != null ? at : clock.instant()));
        }
        return out;
    }

    private static boolean allResolvedNow(AlertNotification n, GroupState group) {
        Map<String, AlertStatus> merged = new HashMap<>(group.lastStatus());
        n.alerts().forEach(a -> merged.put(a.key(), a.status()));
        boolean wasFiring = group.lastStatus().containsValue(AlertStatus.FIRING);
        return wasFiring && !merged.isEmpty() && !merged.containsValue(AlertStatus.FIRING);
    }
}
