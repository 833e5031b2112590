package io.incidentbot.trackers;

import io.incidentbot.store.Storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Overdue follow-up reminders (issue 22): an open follow-up with an owner whose due date has passed reminds its
 * owner once per {@code INCIDENT_FOLLOWUP_REMIND}. A follow-up is overdue from the day after its due date, in
 * {@code INCIDENT_TIMEZONE}. Claiming a reminder is a conditional update, so several replicas running this
 * sweep send each reminder once; the caller sends the DM (with the Done / Won't do buttons) for each follow-up
 * returned.
 */
public final class FollowUpReminders {
    /** Most reminders claimed in one sweep. */
    public static final int BATCH = 100;

    private final Storage storage;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration every;

    /**
     * @param storage the bot's storage
     * @param clock   "now"
     * @param zone    the zone due dates are read in ({@code INCIDENT_TIMEZONE})
     * @param every   {@code INCIDENT_FOLLOWUP_REMIND}; null for off
     */
    public FollowUpReminders(Storage storage, Clock clock, ZoneId zone, Duration every) {
        this.storage = storage;
        this.clock = clock;
        this.zone = zone;
        this.every = every;
    }

    /**
     * Claims the reminders due now.
     *
     * @return the follow-ups whose owners must be reminded now (each claimed by this caller only), oldest due first;
     *         empty when reminders are off
     */
    public List<FollowUpRecord> claimDue() {
        if (every == null) {
            return List.of();
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant before = now.minus(every);
        return storage.transaction(r -> {
            List<FollowUpRecord> claimed = new ArrayList<>();
            for (FollowUpRecord f : r.trackers().dueForReminder(today, before, BATCH)) {
                if (r.trackers().reminded(f.id(), before, now)) {
                    claimed.add(f);
                }
            }
            return claimed;
        });
    }
}
