package io.incidentbot.store;

import io.incidentbot.timeline.TimelineEntry;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Streams the entries of a postmortem's timeline of key events, in timeline order: those not deleted
     * that are not messages (commands, status and role changes, ...) or are messages marked as key events
     * (pinned, or with a key-event reaction). The default filters {@link #forEach}; a database selects them.
     *
     * @param sink receives each entry
     */
    default void forEachKeyEvent(long incident, Consumer<TimelineEntry> sink) {
        forEach(incident, e -> {
            if (!e.deleted() && (e.kind() != io.incidentbot.timeline.EntryKind.MESSAGE || e.keyEvent())) {
                sink.accept(e);
            }
        });
    }

    /**
     * @return the Slack user IDs of the authors (or actors) of the incident's entries that are not
     *         deleted, each once, in the order of their first entry
     */
    default Set<String> authors(long incident) {
        Set<String> ids = new LinkedHashSet<>();
        forEach(incident, e -> {
            if (!e.deleted() && e.userId() != null) {
                ids.add(e.userId());
            }
        });
        return ids;
    }

    /**
     * Streams the entries that are not deleted and whose text may name someone: it holds a Slack
     * mention ({@code <@}) or a user token of a command entry ({@code @{}), in timeline order. The
     * default filters {@link #forEach}; a database selects them.
     *
     * @param sink receives each entry
     */
    default void forEachMentioning(long incident, Consumer<TimelineEntry> sink) {
        forEach(incident, e -> {
            if (!e.deleted() && e.text() != null && (e.text().contains("<@") || e.text().contains("@{"))) {
                sink.accept(e);
            }
        });
    }

    /** @return the last {@code limit} entries that are not deleted, in timeline order */
    List<TimelineEntry> latest(long incident, int limit);

    /** @return the greatest message {@code ts} stored for the incident */
    Optional<String> newestMessageTs(long incident);

    /** @return the incident's latest entry of {@code kind} that is not deleted, if any */
    Optional<TimelineEntry> lastOfKind(long incident, io.incidentbot.timeline.EntryKind kind);

    /** Appends {@code suffix} to an entry's text (e.g. the permalink of a quoted message). */
    void appendText(long entryId, String suffix);
}
