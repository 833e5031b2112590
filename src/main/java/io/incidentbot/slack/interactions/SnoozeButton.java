package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.reminders.ReminderService;
import io.incidentbot.slack.render.ReminderPosts;

/** Snooze 30 min (on an update reminder): the next update reminder comes 30 minutes from now. */
final class SnoozeButton extends DirectButton {
    private final ReminderService reminders;

    SnoozeButton(IncidentService incidents, ReminderService reminders) {
        super(incidents);
        this.reminders = reminders;
    }

    @Override
    String actionId() {
        return ReminderPosts.SNOOZE;
    }

    @Override
    String run(Incident incident, String userId) {
        reminders.snooze(incident.number());
        return "Snoozed: the next update reminder for incident " + incident.number() + " comes in 30 minutes.";
    }
}
