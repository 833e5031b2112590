package io.incidentbot.reminders;

/** What a reminder reminds of. */
public enum ReminderKind {
    /** No status update for {@code INCIDENT_REMIND_UPDATE}. */
    UPDATE,
    /** No lead for {@code INCIDENT_REMIND_LEAD}. */
    LEAD
}
