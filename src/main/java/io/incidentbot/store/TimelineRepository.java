package io.incidentbot.store;

import io.incidentbot.timeline.TimelineEntry;

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

    /** The {@code source} of {@link #setKeyMark} for the message's pin in the channel. */
    String PIN = "pin";

    /**
     * @param userId Slack user ID of the person reacting
     * @return the {@code source} of {@link #setKeyMark} for that person's key-event emoji reaction
     */
    static String reaction(String userId) {
        return "reaction:" + userId;
    }

    /**
     * Puts a key-event mark on a message or takes it off, unless a later change of the same mark is
     * already stored: the mark ends in the state of its latest change by {@code at}, whatever order the
     * changes arrive in (on a tie, off wins). The message is a key event while any of its marks is on.
     *
     * @param entryId ID of a message entry
     * @param source  {@link #PIN}, or {@link #reaction(String)} of the person reacting
     * @param on      true for {@code pin_added} / {@code reaction_added}, false for the removals
     * @param at      when the change happened in Slack (the event's {@code event_ts})
     */
    void setKeyMark(long entryId, String source, boolean on, Instant at);

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

    /** @return the incident's latest entry of {@code kind} that is not deleted, if any */
    Optional<TimelineEntry> lastOfKind(long incident, io.incidentbot.timeline.EntryKind kind);

    /** Appends {@code suffix} to an entry's text (e.g. the permalink of a quoted message). */
    void appendText(long entryId, String suffix);
}
