package io.incidentbot.reminders;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Duration;
import java.util.List;

/**
 * What a reminder says, as a snapshot taken when it was claimed (stored in the outbox payload,
 * Jackson, tagged by {@code type}); slack/render turns it into the channel post with its buttons.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ReminderNote.UpdateDue.class, name = "update_due"),
        @JsonSubTypes.Type(value = ReminderNote.LeadMissing.class, name = "lead_missing"),
        @JsonSubTypes.Type(value = ReminderNote.UnownedFollowUps.class, name = "unowned_follow_ups"),
        @JsonSubTypes.Type(value = ReminderNote.Stopped.class, name = "stopped")
})
public sealed interface ReminderNote {
    /** @return incident number */
    long incident();

    /**
     * No status update for {@code quiet}.
     *
     * @param lead Slack user ID of the lead, null when there is none
     */
    record UpdateDue(long incident, String lead, Duration quiet) implements ReminderNote {
    }

    /** {@code unanswered} update reminders got no answer: they stop until the next status update (issue 24). */
    record Stopped(long incident, int unanswered) implements ReminderNote {
    }

    /**
     * How long an incident has been without an update, as a reminder says it: whole minutes, rounded to the
     * nearest, and never less than one (a reminder never says "for 0 min", issue 24).
     *
     * @param since the last status update or status change (or the declaration)
     * @param now   when the reminder is sent
     */
    static Duration quiet(java.time.Instant since, java.time.Instant now) {
        long seconds = Math.max(0, Duration.between(since, now).toSeconds());
        return Duration.ofMinutes(Math.max(1, (seconds + 30) / 60));
    }

    /**
     * No lead {@code since} the declaration.
     *
     * @param emptyChannel true when no human is in the incident channel (an alert-declared incident nobody joined):
     *                     the reminder goes to the alerts channel, or as a direct message to the on-call, instead of
     *                     into the empty channel (issue 21); false (and in payloads written before) for the channel
     */
    record LeadMissing(long incident, Duration since, boolean emptyChannel) implements ReminderNote {
        /** A reminder for the incident channel. */
        public LeadMissing(long incident, Duration since) {
            this(incident, since, false);
        }
    }

    /** At resolve: the follow-ups that have no owner yet, in the order recorded. */
    record UnownedFollowUps(long incident, List<String> followUps) implements ReminderNote {
        public UnownedFollowUps {
            followUps = List.copyOf(followUps);
        }
    }
}
