package io.incidentbot.timeline;

import java.time.Instant;
import java.util.List;

/**
 * Delivery bookkeeping for the Events API: which {@code event_id}s were processed, and changes
 * (edits, deletions, key-event marks) that arrived before the message they apply to.
 */
public interface EventLog {

    /**
     * Records an {@code event_id} as processed.
     *
     * @return true the first time, false when it was seen before (a redelivery)
     */
    boolean markProcessed(String eventId, Instant receivedAt);

    /** Stores a change to apply when the message {@code (channelId, ts)} arrives. */
    void addPending(PendingChange change);

    /** Removes and returns the pending changes for a message, oldest first. */
    List<PendingChange> takePending(String channelId, String ts);

    /**
     * A change that waits for its message.
     *
     * @param channelId Slack channel ID
     * @param ts        Slack {@code ts} of the message it applies to
     * @param type      what to do: {@code edit}, {@code delete}, {@code pin_on}, {@code pin_off},
     *                  {@code reaction_add}, {@code reaction_remove}
     * @param text      new text for {@code edit}, else null
     * @param at        when the change happened (its event's time)
     */
    record PendingChange(String channelId, String ts, String type, String text, Instant at) {
    }
}
