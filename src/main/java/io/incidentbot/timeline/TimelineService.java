package io.incidentbot.timeline;

import io.incidentbot.store.GroupCommit;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.timeline.ChannelEvent.MemberJoined;
import io.incidentbot.timeline.ChannelEvent.MessagePosted;
import io.incidentbot.store.EventLog.PendingChange;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Captures incident timelines from channel events, exactly once and independent of arrival order.
 *
 * <p>Each event is recorded in one transaction together with its {@code event_id}, so a redelivery
 * changes nothing and a failure leaves no trace (Slack redelivers it). A message whose
 * {@code (channel, ts)} is stored already is not stored again. An edit, deletion, pin or reaction
 * that arrives before its message waits as a pending change and is applied when the message arrives.
 * The changes themselves commute: the newest edit wins by edit time, a deletion is final, and each
 * key-event mark keeps the state of its latest change. So any arrival order ends in the same timeline.
 *
 * <p>Where the storage says it pays ({@link Storage#groupCommitLimit()}: SQLite), events recorded
 * concurrently share a transaction ({@link GroupCommit}): under load the Events API requests that arrive
 * while one commit is under way are committed together in the next, and each {@link #record} still
 * returns only after its own event is committed.
 */
public final class TimelineService {
    /** Most channels whose incident number is remembered (then the memory starts again). */
    private static final int MAX_CHANNELS = 10_000;

    private final Storage storage;
    private final GroupCommit commits;
    /** Channel ID to incident number: an incident keeps its channel for good, so a hit is never stale. */
    private final Map<String, Long> incidentOfChannel = new ConcurrentHashMap<>();
    private final Clock clock;
    private final String keyEventEmoji;

    /** What {@link #record} did with an event. */
    public enum Outcome {
        /** The event was stored (or, for a message already stored under its ts, found to be known). */
        RECORDED,
        /** The {@code event_id} was processed before: nothing changed. */
        DUPLICATE,
        /** The channel belongs to no incident: nothing stored. */
        NOT_AN_INCIDENT_CHANNEL,
        /** The event cannot change a timeline (a reaction with another emoji): nothing stored. */
        IRRELEVANT
    }

    /**
     * @param storage       the database
     * @param clock         time source for the processed-event bookkeeping only (entries use Slack's times)
     * @param keyEventEmoji reaction name without colons that marks a key event, e.g. {@code pushpin}
     */
    public TimelineService(Storage storage, Clock clock, String keyEventEmoji) {
        this.storage = storage;
        int group = storage.groupCommitLimit();
        this.commits = group > 1 ? new GroupCommit(storage, group) : null;
        this.clock = clock;
        this.keyEventEmoji = keyEventEmoji;
    }

    /**
     * Records one channel event, committing before it returns (in a transaction it may share with events
     * recorded at the same time by other threads).
     *
     * @param eventId Slack's {@code event_id} ({@code Ev...}), or null when there is none (then only the
     *                message's {@code (channel, ts)} guards against duplicates)
     * @param event   the event
     * @return what was done
     * @throws RuntimeException when storing fails; nothing was stored, the event may be redelivered
     */
    public Outcome record(String eventId, ChannelEvent event) {
        if (event instanceof ChannelEvent.ReactionChanged r && !isKeyEventEmoji(r.emoji())) {
            return Outcome.IRRELEVANT;
        }
        Storage.Work<Outcome> work = r -> {
            Optional<Long> incident = incidentOf(r, event.channelId());
            if (incident.isEmpty()) {
                return Outcome.NOT_AN_INCIDENT_CHANNEL;
            }
            if (eventId != null && !r.events().markProcessed(eventId, clock.instant())) {
                return Outcome.DUPLICATE;
            }
            apply(r, incident.get(), event);
            return Outcome.RECORDED;
        };
        return commits != null ? commits.transaction(work) : storage.transaction(work);
    }

    /**
     * @param channelId a Slack channel ID
     * @return the incident number of that channel when an event of it was recorded since start (no query:
     *         for naming the incident in log lines after {@link #record})
     */
    public Optional<Long> knownIncident(String channelId) {
        return Optional.ofNullable(channelId == null ? null : incidentOfChannel.get(channelId));
    }

    /** @return the incident whose channel this is; only found ones are remembered (a channel may become one) */
    private Optional<Long> incidentOf(Repositories r, String channelId) {
        Long known = incidentOfChannel.get(channelId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> found = r.incidents().numberOfChannel(channelId);
        if (found.isPresent()) {
            if (incidentOfChannel.size() >= MAX_CHANNELS) {
                incidentOfChannel.clear();
            }
            incidentOfChannel.put(channelId, found.get());
        }
        return found;
    }

    /**
     * @param incident incident number
     * @param ts       Slack message {@code ts} (epoch seconds with microseconds, as text)
     * @return true when that message is in the incident's timeline
     */
    public boolean isStored(long incident, String ts) {
        return storage.read(r -> r.timeline().findMessage(incident, ts)).isPresent();
    }

    /**
     * @param emoji a reaction name as Slack sends it, possibly with a skin tone ({@code pushpin::skin-tone-2})
     * @return true when it is the configured key-event emoji
     */
    public boolean isKeyEventEmoji(String emoji) {
        if (emoji == null) {
            return false;
        }
        int tone = emoji.indexOf("::");
        return (tone < 0 ? emoji : emoji.substring(0, tone)).equals(keyEventEmoji);
    }

    private void apply(Repositories r, long incident, ChannelEvent event) {
        if (event instanceof MessagePosted m) {
            post(r, incident, m);
        } else if (event instanceof MemberJoined j) {
            r.participants().add(incident, j.userId(), j.at());
        } else if (event instanceof ChannelEvent.MemberLeft l) {
            r.participants().left(incident, l.userId(), l.at());
        } else {
            PendingChange change = MessageChanges.of(event);
            if (r.timeline().findMessage(incident, change.ts()).isPresent()) {
                MessageChanges.apply(r.timeline(), incident, change);
            } else {
                r.events().addPending(change);
            }
        }
    }

    private static void post(Repositories r, long incident, MessagePosted m) {
        if (m.userId() != null && !m.userId().isBlank()) {
            r.participants().add(incident, m.userId(), m.at());
        }
        TimelineEntry entry = new TimelineEntry(0, incident, EntryKind.MESSAGE, m.at(), m.ts(), m.threadTs(),
                m.userId(), m.text(), null, false, false, m.files());
        if (r.timeline().addMessageIfAbsent(entry).isPresent()) {
            List<PendingChange> waiting = r.events().takePending(m.channelId(), m.ts());
            waiting.forEach(c -> MessageChanges.apply(r.timeline(), incident, c));
        }
    }
}
