package io.incidentbot.process;

import io.incidentbot.reminders.ReminderPolicies;
import io.incidentbot.reminders.ReminderPolicy;

/**
 * Reminder intervals per incident type (issue 25): an incident whose type sets {@code reminders} gets its
 * {@code update} and {@code lead} intervals (the file's rules: an unset one is the bot's default, {@code off} none),
 * with the configured {@code INCIDENT_REMIND_MAX}; any other incident keeps the configured intervals
 * ({@code INCIDENT_REMIND_*}).
 */
public final class TypeReminders {
    private TypeReminders() {
    }

    /**
     * @param settings   {@code INCIDENT_PROCESS_FILE}
     * @param configured the configured intervals
     * @return each incident's intervals; {@code configured} for all when no process file is set
     */
    public static ReminderPolicies of(ProcessSettings settings, ReminderPolicy configured) {
        if (!settings.configured()) {
            return ReminderPolicies.constant(configured);
        }
        Process process = settings.process();
        return (r, incident) -> {
            IncidentType type = r.process().type(incident).flatMap(process::type).orElseGet(process::defaultType);
            return of(type, configured);
        };
    }

    /** @return {@code type}'s intervals, or {@code configured} when it sets none */
    static ReminderPolicy of(IncidentType type, ReminderPolicy configured) {
        ReminderPolicy own = type.reminders();
        return own == null ? configured : new ReminderPolicy(own.update(), own.lead(), configured.max());
    }
}
