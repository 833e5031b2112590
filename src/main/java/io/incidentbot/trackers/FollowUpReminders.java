package io.incidentbot.trackers;

import io.incidentbot.outbox.Payloads;
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
 * sweep send each reminder once. Each claimed reminder is an outbox job (subscriber {@value #SUBSCRIBER}, kind
 * {@value #KIND}, payload {@link Due}) queued in the claiming transaction, so a claimed reminder is sent even if
 * this replica dies or Slack is down; {@link io.incidentbot.trackers.slack.FollowUpReminderDms} sends it as a DM
 * with the Done / Won't do buttons.
 */
public final class FollowUpReminders {
    /** Most reminders claimed in one sweep. */
    public static final int BATCH = 100;
    /** Outbox subscriber of the reminder DMs. */
    public static final String SUBSCRIBER = "follow-up-reminders";
    /** Job kind of one reminder DM. */
    public static final String KIND = "dm";

    /**
     * The payload of one reminder DM.
     *
     * @param followUp the follow-up's ID
     * @param owner    the owner's Slack user ID when it was claimed (the DM goes to them)
     */
    public record Due(long followUp, String owner) {
    }

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

    /** @return {@code INCIDENT_FOLLOWUP_REMIND}, null for off */
    public Duration every() {
        return every;
    }

    /**
     * Claims the reminders due now and queues their DMs.
     *
     * @return the follow-ups whose owners are reminded now (each claimed by this caller only), oldest due first;
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
                    r.outbox().enqueue(f.incident(), SUBSCRIBER, KIND, Payloads.write(new Due(f.id(), f.ownerId())), now);
                    claimed.add(f);
                }
            }
            return claimed;
        });
    }
}
