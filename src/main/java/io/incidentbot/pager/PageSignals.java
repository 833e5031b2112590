package io.incidentbot.pager;

import io.incidentbot.pager.inbound.PagerSignal;
import io.incidentbot.store.Repositories;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Applies what a pager's webhook said to the incident's page, inside the caller's transaction: once per event ID
 * (a redelivery changes nothing), only for pages this bot made (found by dedup key, which must equal the key the page
 * was triggered with, so another workspace's page with the same number is not ours; else by the pager's own ID),
 * updating the page's state and writing a {@link EntryKind#PAGE} timeline entry such as
 * "Acknowledged by Ana (PagerDuty)".
 */
public final class PageSignals {
    private PageSignals() {
    }

    /** What applying a signal came to. */
    public enum Outcome {
        /** Applied: the page and timeline changed (or a note/escalation was recorded). */
        APPLIED,
        /** Ours, but nothing changed (e.g. acknowledged twice by different deliveries). */
        UNCHANGED,
        /** The event ID was applied before. */
        DUPLICATE,
        /** Not an alert of this bot. */
        NOT_OURS
    }

    /**
     * @param outcome  what happened
     * @param incident the incident number, 0 when not ours
     * @param entry    the timeline entry written, or null
     * @param signal   the signal
     */
    public record Applied(Outcome outcome, long incident, TimelineEntry entry, PagerSignal signal) {
    }

    /**
     * @param r      the transaction's repositories
     * @param signal what the pager said
     * @param now    the current time (the receipt time; the entry's time is the pager's when given)
     * @return the outcome
     */
    public static Applied apply(Repositories r, PagerSignal signal, Instant now) {
        if (!r.pages().firstDelivery(signal.pager().id(), signal.eventId(), now)) {
            return new Applied(Outcome.DUPLICATE, 0, null, signal);
        }
        Optional<Page> found = find(r, signal);
        if (found.isEmpty()) {
            return new Applied(Outcome.NOT_OURS, 0, null, signal);
        }
        Page page = found.get();
        long n = page.incident();
        if (page.externalId() == null && signal.externalId() != null) {
            r.pages().externalId(n, signal.pager(), signal.externalId());
        }
        Instant at = signal.at() == null ? now : signal.at();
        String who = signal.actorName() == null ? "someone" : signal.actorName();
        String pager = signal.pager().displayName();
        String text = switch (signal.kind()) {
            case ACKNOWLEDGED -> r.pages().acknowledged(n, signal.pager(), who, at) ? "Acknowledged by " + who + " (" + pager + ")" : null;
            case UNACKNOWLEDGED -> r.pages().unacknowledged(n, signal.pager()) ? "Page unacknowledged in " + pager + ": notifying again" : null;
            case RESOLVED -> r.pages().resolved(n, signal.pager(), at) ? "Page resolved in " + pager + " by " + who : null;
            case ESCALATED -> "Page escalated in " + pager + (signal.text() == null ? "" : " to " + signal.text());
            case REASSIGNED -> "Page reassigned in " + pager + " by " + who + (signal.text() == null ? "" : " to " + signal.text());
            case NOTE -> signal.text() == null ? null : "Note from " + who + " (" + pager + "): " + signal.text();
        };
        if (text == null) {
            return new Applied(Outcome.UNCHANGED, n, null, signal);
        }
        TimelineEntry entry = r.timeline().add(new TimelineEntry(0, n, EntryKind.PAGE, at, null, null, null,
                TimelineEntry.literal(text), null, false, signal.kind() == PagerSignal.Kind.ACKNOWLEDGED, List.of()));
        return new Applied(Outcome.APPLIED, n, entry, signal);
    }

    private static Optional<Page> find(Repositories r, PagerSignal signal) {
        OptionalLong n = DedupKey.incident(signal.dedupKey());
        if (n.isPresent()) {
            Optional<Page> p = r.pages().find(n.getAsLong(), signal.pager()).filter(page -> signal.dedupKey().equals(page.dedupKey()));
            if (p.isPresent()) {
                return p;
            }
        }
        return signal.externalId() == null ? Optional.empty() : r.pages().byExternalId(signal.pager(), signal.externalId());
    }
}
