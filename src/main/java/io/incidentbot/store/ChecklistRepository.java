package io.incidentbot.store;

import io.incidentbot.process.checklist.ChecklistEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each incident's due checklist items and its checklist message (issue 25). Implementations run inside the caller's
 * transaction.
 */
public interface ChecklistRepository {
    /**
     * Stores an item that has become due, once.
     *
     * @return true when it was stored now, false when the incident had it already
     */
    boolean addDue(ChecklistEntry entry);

    /** @return the incident's due items in checklist order */
    List<ChecklistEntry> list(long incident);

    /**
     * Ticks (by a user) or unticks (user null) one item.
     *
     * @return true when its state changed, false when it was so already or is not due
     */
    boolean mark(long incident, int item, String user, Instant at);

    /**
     * Where the checklist message of an incident is.
     *
     * @param channel the channel ID
     * @param ts      the message's Slack {@code ts}
     */
    record Message(String channel, String ts) {
    }

    /** @return the incident's checklist message, empty before it is posted */
    Optional<Message> message(long incident);

    /** Records where the incident's checklist message was posted (replacing an earlier one). */
    void setMessage(long incident, Message message);
}
