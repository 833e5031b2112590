package io.incidentbot.trackers.hooks;

import io.incidentbot.incident.Transactions;
import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.FollowUps;

import java.util.Optional;

/**
 * Applies a tracker's state change to the follow-up whose issue it is, in one unit of work committed before the
 * webhook is answered ({@link FollowUps#apply}: stored with who and when, a timeline entry while the incident is
 * open, and a {@link io.incidentbot.incident.IncidentEvent.FollowUpStateChanged} for the channel). Idempotent twice
 * over: a delivery ID already seen changes nothing, and a follow-up already in the reported state changes nothing
 * (this is also what stops loops: the webhook that echoes a close made from Slack finds the follow-up closed). A
 * change older than the follow-up's last change made in Slack (a close delivered after a reopen) is stale and
 * changes nothing. A change applied here is marked {@code source = tracker}, so the tracker subscriber never sends
 * it back.
 */
public final class TrackerInbound {
    /** What became of a webhook. */
    public enum Outcome {
        /** the follow-up's state changed */
        APPLIED,
        /** the follow-up already had that state, the change was stale, or the delivery was seen before */
        UNCHANGED,
        /** no follow-up has this issue: an issue the bot did not create */
        UNKNOWN_ISSUE
    }

    /**
     * @param outcome  what happened
     * @param followUp the follow-up after the change, when there is one
     */
    public record Result(Outcome outcome, Optional<FollowUpRecord> followUp) {
    }

    private final Transactions transactions;

    /** @param transactions units of work with the bot's subscribers; their clock stamps the delivery record */
    public TrackerInbound(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * @param event    the parsed webhook
     * @param delivery the sender's delivery ID, or null when it sent none
     * @return what happened
     */
    public Result apply(TrackerEvent event, String delivery) {
        return transactions.run(w -> {
            var r = w.repositories();
            Optional<FollowUpRecord> found = r.trackers().byIssue(event.provider(), event.key());
            if (found.isEmpty()) {
                return new Result(Outcome.UNKNOWN_ISSUE, Optional.empty());
            }
            if (delivery != null && !r.trackers().firstDelivery(event.provider(), delivery, w.now())) {
                return new Result(Outcome.UNCHANGED, found);
            }
            FollowUps.Change c = FollowUps.apply(w, found.get(), event.state(), event.actor(),
                    event.at() == null ? w.now() : event.at(), "tracker");
            return new Result(c.changed() ? Outcome.APPLIED : Outcome.UNCHANGED, Optional.of(c.followUp()));
        });
    }
}
