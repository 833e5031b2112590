package io.incidentbot.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Stored timeline entries, ordered by {@code at} (the Slack {@code ts} for messages). */
public interface TimelineRepository {

    /**
     * Stores a new entry.
     *
     * @return the entry with its ID
     */
    TimelineEntry add(TimelineEntry entry);

    /**
     * Stores a message entry unless the incident already has one with the same {@code ts}.
     *
     * @return the stored entry, or empty when the {@code ts} was already stored
     */
    Optional<TimelineEntry> addMessageIfAbsent(TimelineEntry entry);

    /** @return the message entry of an incident with this Slack {@code ts} */
    Optional<TimelineEntry> findMessage(long incident, String ts);

    /** Replaces a message's text and records when it was edited. */
    void editMessage(long entryId, String text, Instant editedAt);

    /** Marks a message deleted (it stays stored). */
    void markDeleted(long entryId);

    /** Records whether the message is pinned in the channel (a pinned message is a key event). */
    void setPinned(long entryId, boolean pinned);

    /**
     * Counts key-event emoji reactions on the message (a message with one or more is a key event).
     *
     * @param delta +1 for {@code reaction_added}, -1 for {@code reaction_removed}; the count never goes below 0
     */
    void addKeyReaction(long entryId, int delta);

    /** @return every entry of an incident, deleted ones included, in timeline order */
    List<TimelineEntry> list(long incident);

    /**
     * Streams every entry of an incident in timeline order without holding them all in memory.
     *
     * @param sink receives each entry
     */
    void forEach(long incident, Consumer<TimelineEntry> sink);

    /** @return the last {@code limit} entries that are not deleted, in timeline order */
    List<TimelineEntry> latest(long incident, int limit);

    /** @return the greatest message {@code ts} stored for the incident */
    Optional<String> newestMessageTs(long incident);
}
