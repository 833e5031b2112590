package io.incidentbot.pager.inbound;

import io.incidentbot.pager.PagerKind;

import java.time.Instant;

/**
 * What a pager told us about one of its alerts, read from its webhook.
 *
 * @param pager      the pager that sent it
 * @param eventId    the sender's ID of this delivery (idempotency key)
 * @param kind       what happened
 * @param dedupKey   the alert's dedup key / alias as the pager reports it, or null
 * @param externalId the pager's own ID of the incident/alert (PagerDuty incident ID, JSM alert ID), or null
 * @param actorName  who did it, as the pager names them (PagerDuty user summary, JSM username), or null
 * @param actorEmail their email when the pager gives one (JSM usernames are emails), else null
 * @param text       for {@link Kind#NOTE}: the note; for escalations: whom it went to; else null
 * @param at         when it happened, by the pager's clock
 */
public record PagerSignal(PagerKind pager, String eventId, Kind kind, String dedupKey, String externalId, String actorName,
                          String actorEmail, String text, Instant at) {
    /** What happened to the pager's alert. */
    public enum Kind {
        /** Someone acknowledged the page. */
        ACKNOWLEDGED,
        /** The acknowledgement was taken back (or timed out) and the page notifies again. */
        UNACKNOWLEDGED,
        /** The pager escalated it to the next person or level. */
        ESCALATED,
        /** Someone reassigned it. */
        REASSIGNED,
        /** It was resolved (closed) in the pager. */
        RESOLVED,
        /** A note was added in the pager (JSM {@code AddNote}). */
        NOTE
    }
}
