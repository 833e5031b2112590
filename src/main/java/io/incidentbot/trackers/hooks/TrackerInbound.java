package io.incidentbot.trackers.hooks;

import io.incidentbot.store.Storage;
import io.incidentbot.trackers.FollowUpRecord;

import java.time.Clock;
import java.util.Optional;

/**
 * Applies a tracker's state change to the follow-up whose issue it is, in one transaction, committed before the
 * webhook is answered. Idempotent twice over: a delivery ID already seen changes nothing, and a follow-up already
 * in the reported state changes nothing (this is also what stops loops: the webhook that echoes a close made from
 * Slack finds the follow-up closed). A change applied here is marked {@code source = tracker}, so the tracker
 * subscriber never sends it back.
 */
public final class TrackerInbound {
    /** What became of a webhook. */
    public enum Outcome {
        /** the follow-up's state changed */
        APPLIED,
        /** the follow-up already had that state, or the delivery was seen before */
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

    private final Storage storage;
    private final Clock clock;

    /**
     * @param storage the bot's storage
     * @param clock   "now" for the closing time and the delivery record
     */
    public TrackerInbound(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * @param event    the parsed webhook
     * @param delivery the sender's delivery ID, or null when it sent none
     * @return what happened
     */
    public Result apply(TrackerEvent event, String delivery) {
        return storage.transaction(r -> {
            Optional<FollowUpRecord> found = r.trackers().byIssue(event.provider(), event.key());
            if (found.isEmpty()) {
                return new Result(Outcome.UNKNOWN_ISSUE, Optional.empty());
            }
            if (delivery != null && !r.trackers().firstDelivery(event.provider(), delivery, clock.instant())) {
                return new Result(Outcome.UNCHANGED, found);
            }
            long id = found.get().id();
            boolean changed = r.trackers().changeState(id, event.state(), event.actor(), clock.instant(), "tracker");
            return new Result(changed ? Outcome.APPLIED : Outcome.UNCHANGED, r.trackers().find(id));
        });
    }
}
