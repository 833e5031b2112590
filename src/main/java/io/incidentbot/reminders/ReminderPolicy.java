package io.incidentbot.reminders;

import java.time.Duration;
import java.util.Optional;

/**
 * How often reminders come.
 *
 * @param update time without a status update after which the channel is reminded, null for off
 *               ({@code INCIDENT_REMIND_UPDATE})
 * @param lead   time without a lead after which the channel is reminded once, null for off
 *               ({@code INCIDENT_REMIND_LEAD})
 * @param max    update reminders sent without an answer (a status update or a snooze), after which one final
 *               note says they stop until the next update ({@code INCIDENT_REMIND_MAX}, at least 1)
 */
public record ReminderPolicy(Duration update, Duration lead, int max) {
    /** Update reminders sent without an answer before they stop ({@code INCIDENT_REMIND_MAX} default). */
    public static final int MAX = 6;

    /** A policy with the default {@link #MAX}. */
    public ReminderPolicy(Duration update, Duration lead) {
        this(update, lead, MAX);
    }

    /** How far {@code Snooze 30 min} pushes the update reminder. */
    public static final Duration SNOOZE = Duration.ofMinutes(30);
    /** The defaults: an update reminder every 30 minutes, a lead reminder after 10 minutes. */
    public static final ReminderPolicy DEFAULT = new ReminderPolicy(Duration.ofMinutes(30), Duration.ofMinutes(10));
    /** No reminders at all. */
    public static final ReminderPolicy OFF = new ReminderPolicy(null, null);

    /** @return the update interval, empty when off */
    public Optional<Duration> updateInterval() {
        return Optional.ofNullable(update);
    }

    /** @return the lead delay, empty when off */
    public Optional<Duration> leadDelay() {
        return Optional.ofNullable(lead);
    }
}
