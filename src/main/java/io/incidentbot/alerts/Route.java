package io.incidentbot.alerts;

import io.incidentbot.incident.Severity;

import java.util.List;

/** What to do with one alert notification: the result of {@link AlertRouter#route}. */
public sealed interface Route {

    /** The alert transitions this route carries (empty for {@link Drop}). */
    List<Transition> transitions();

    /**
     * Declare an incident from this group: declared by the bot, no lead, the transitions as its first
     * key events.
     *
     * @param title       {@link AlertNotification#title()}
     * @param severity    {@link AlertNotification#severity()}
     * @param transitions the firing alerts (and any already resolved) in the sender's order
     */
    record Declare(String title, Severity severity, List<Transition> transitions) implements Route {
        public Declare {
            transitions = List.copyOf(transitions);
        }
    }

    /**
     * Add one timeline entry per transition to the group's open incident.
     *
     * @param incident    the incident number
     * @param transitions what changed, each timed by its own {@link Transition#at()}
     * @param allResolved true when this notification resolved the last firing alert of the group:
     *                    post one suggestion of {@code /incident status monitoring} (never resolve)
     */
    record TimelineEntries(long incident, List<Transition> transitions, boolean allResolved) implements Route {
        public TimelineEntries {
            transitions = List.copyOf(transitions);
        }
    }

    /**
     * Post or update in place the group's message in {@code INCIDENT_ALERTS_CHANNEL}.
     *
     * @param transitions what changed since the last message
     */
    record AlertsChannel(List<Transition> transitions) implements Route {
        public AlertsChannel {
            transitions = List.copyOf(transitions);
        }
    }

    /**
     * Nothing to show in Slack.
     *
     * @param reason why
     */
    record Drop(Reason reason) implements Route {
        @Override
        public List<Transition> transitions() {
            return List.of();
        }
    }

    /** Why a notification shows nowhere. */
    enum Reason {
        /** Every alert already had this status: a redelivery or a repeat notification. */
        NO_CHANGE,
        /** The group does not declare and {@code INCIDENT_ALERTS_CHANNEL} is unset. */
        NO_ALERTS_CHANNEL
    }
}
