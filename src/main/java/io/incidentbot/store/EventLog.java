package io.incidentbot.store;

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
     * Deletes up to {@code limit} processed {@code event_id}s received before {@code before}: Slack stops
     * redelivering an event long before (its retries end within about an hour).
     *
     * @return how many were deleted
     */
    int pruneProcessed(Instant before, int limit);

    /**
     * Deletes up to {@code limit} pending changes that happened before {@code before} and whose message
     * never arrived.
     *
     * @return how many were deleted
     */
    int prunePending(Instant before, int limit);

    /**
     * A change that waits for its message.
     *
     * @param channelId Slack channel ID
     * @param ts        Slack {@code ts} of the message it applies to
     * @param type      what to do: {@link #EDIT}, {@link #DELETE}, {@link #PIN_ON}, {@link #PIN_OFF},
     *                  {@link #REACTION_ADD}, {@link #REACTION_REMOVE}
     * @param text      the new text for {@code edit}; the reacting user's ID for the reaction types; else null
     * @param at        when the change happened in Slack (for an edit, its {@code edited.ts})
     */
    record PendingChange(String channelId, String ts, String type, String text, Instant at) {
        /** {@code message_changed}: replace the text if newer than the last edit. */
        public static final String EDIT = "edit";
        /** {@code message_deleted}: mark the message deleted. */
        public static final String DELETE = "delete";
        /** {@code pin_added}. */
        public static final String PIN_ON = "pin_on";
        /** {@code pin_removed}. */
        public static final String PIN_OFF = "pin_off";
        /** {@code reaction_added} with the key-event emoji. */
        public static final String REACTION_ADD = "reaction_add";
        /** {@code reaction_removed} with the key-event emoji. */
        public static final String REACTION_REMOVE = "reaction_remove";
    }
}
