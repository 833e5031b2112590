package io.incidentbot.store;

import io.incidentbot.pager.Page;
import io.incidentbot.pager.PagerKind;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pages of incidents (issue 21), one per incident and pager, and the pager webhook events already applied.
 * Implementations run inside the caller's transaction.
 */
public interface PageRepository {

    /**
     * Records that the incident is paged (again) through {@code pager}: a new row in state {@code triggered},
     * or an existing one set back to {@code triggered} with this time and person (its first page and first
     * acknowledgement times kept, its last error cleared).
     *
     * @param pagedBy Slack user ID of who paged, or null when the severity rule paged
     */
    void triggered(long incident, PagerKind pager, String dedupKey, String pagedBy, Instant at);

    /**
     * @param by Slack user ID, or the pager's name for the person when no Slack user matched
     * @return true when the page was {@code triggered} and is now {@code acknowledged}
     */
    boolean acknowledged(long incident, PagerKind pager, String by, Instant at);

    /** @return true when the page was {@code acknowledged} and is {@code triggered} again */
    boolean unacknowledged(long incident, PagerKind pager);

    /** @return true when the page was open (triggered or acknowledged) and is now {@code resolved} */
    boolean resolved(long incident, PagerKind pager, Instant at);

    /** Stores the pager's own ID of the page (PagerDuty incident ID, GoAlert alert ID). */
    void externalId(long incident, PagerKind pager, String externalId);

    /** Stores the pager's error when it refused the last call for good; null clears it. */
    void error(long incident, PagerKind pager, String error);

    /** @return the incident's page through {@code pager}, if it was ever paged there */
    Optional<Page> find(long incident, PagerKind pager);

    /** @return the incident's pages, in order of first page */
    List<Page> forIncident(long incident);

    /** @return the page whose pager ID is {@code externalId} */
    Optional<Page> byExternalId(PagerKind pager, String externalId);

    /**
     * Marks a webhook event as applied.
     *
     * @param source  e.g. {@code pagerduty}
     * @param eventId the sender's event ID
     * @return true the first time, false for a redelivery (apply nothing then)
     */
    boolean firstDelivery(String source, String eventId, Instant at);
}
