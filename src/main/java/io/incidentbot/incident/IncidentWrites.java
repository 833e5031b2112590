package io.incidentbot.incident;

import io.incidentbot.outbox.JobPayload;
import io.incidentbot.outbox.JobPayloads;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.store.Repositories;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Instant;
import java.util.List;

/**
 * The writes every incident use case is made of, inside its transaction: a timeline entry, a channel
 * post of a typed {@link IncidentEvent}, the header and topic syncs; and the title checks.
 */
final class IncidentWrites {
    private IncidentWrites() {
    }

    /**
     * Queues a header and a topic sync. Both render the incident as it is when delivered, so older
     * never-attempted syncs of the same kind are dropped (coalesced); the first header post is kept while
     * the header is not posted yet, so it stays the channel's first message.
     */
    static void syncState(Repositories r, long n, Instant now) {
        JobPayloads.enqueue(r.outbox(), n, new JobPayload.SyncHeader(null), now);
        JobPayloads.enqueue(r.outbox(), n, new JobPayload.SyncTopic(), now);
        r.outbox().dropOlderPending(n, OutboxJob.Kind.SYNC_TOPIC);
        if (r.incidents().find(n).map(Incident::headerTs).isPresent()) {
            r.outbox().dropOlderPending(n, OutboxJob.Kind.SYNC_HEADER);
        }
    }

    static void post(Repositories r, Incident inc, IncidentEvent event, Instant now) {
        JobPayloads.enqueue(r.outbox(), inc.number(), new JobPayload.ChannelPost(event), now);
    }

    static void entry(Repositories r, long n, EntryKind kind, String actor, String text, Instant now) {
        r.timeline().add(new TimelineEntry(0, n, kind, now, null, null, actor, text, null, false, false, List.of()));
    }

    /**
     * @return true when {@code s} shows nothing: empty, or only whitespace, space separators (e.g. U+00A0)
     *         and invisible format characters (U+200B, U+200C, U+200D, U+2060, U+FEFF and the rest of Unicode's Cf)
     */
    static boolean invisible(String s) {
        return s.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SPACE_SEPARATOR);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
