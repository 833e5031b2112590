package io.incidentbot.process;

import io.incidentbot.reminders.ReminderPolicies;
import io.incidentbot.reminders.ReminderPolicy;

import java.time.Duration;

/**
 * Reminder intervals per incident type (issue 25): an incident whose type sets {@code reminders} gets its
 * {@code update} and {@code lead} intervals ({@code off}: none), with the configured {@code INCIDENT_REMIND_MAX}; a
 * key the type leaves unset, and every interval of a type without {@code reminders}, is the configured one
 * ({@code INCIDENT_REMIND_UPDATE}, {@code INCIDENT_REMIND_LEAD}), as an operator who tuned those would expect.
 */
public final class TypeReminders {
    private TypeReminders() {
    }

    /**
     * A type's {@code reminders} as the file gives them.
     *
     * @param update the update interval, {@link #OFF} for {@code off}, or null when the file leaves it unset (the
     *               configured {@code INCIDENT_REMIND_UPDATE} applies)
     * @param lead   the lead reminder's delay, likewise ({@code INCIDENT_REMIND_LEAD})
     */
    public record Intervals(Duration update, Duration lead) {
        /** An interval turned {@code off}. */
        public static final Duration OFF = Duration.ZERO;

        /**
         * @param configured the configured intervals
         * @return these over {@code configured}: an unset one is the configured one, {@code off} none, and the
         *         configured maximum of unanswered update reminders
         */
        public ReminderPolicy over(ReminderPolicy configured) {
            return new ReminderPolicy(pick(update, configured.update()), pick(lead, configured.lead()), configured.max());
        }

        private static Duration pick(Duration own, Duration configured) {
            return own == null ? configured : own.isZero() ? null : own;
        }
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

    /** @return {@code type}'s intervals over {@code configured}, or {@code configured} when it sets none */
    static ReminderPolicy of(IncidentType type, ReminderPolicy configured) {
        Intervals own = type.reminders();
        return own == null ? configured : own.over(configured);
    }
}
