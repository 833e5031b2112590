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
        @JsonSubTypes.Type(value = ReminderNote.UnownedFollowUps.class, name = "unowned_follow_ups")
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

    /** No lead {@code since} the declaration. */
    record LeadMissing(long incident, Duration since) implements ReminderNote {
    }

    /** At resolve: the follow-ups that have no owner yet, in the order recorded. */
    record UnownedFollowUps(long incident, List<String> followUps) implements ReminderNote {
        public UnownedFollowUps {
            followUps = List.copyOf(followUps);
        }
    }
}
