package io.incidentbot.store;

import io.incidentbot.statuspage.Component;
import io.incidentbot.statuspage.ComponentState;
import io.incidentbot.statuspage.Maintenance;
import io.incidentbot.statuspage.PublicUpdate;
import io.incidentbot.statuspage.PublishedIncident;
import io.incidentbot.statuspage.StateInterval;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public status page's storage (issue 23): components, their non-operational intervals, published incidents
 * with their public updates, and maintenance windows. Bound to one transaction.
 */
public interface StatusPageRepository {
    /** @return the components not removed, by position then name */
    List<Component> components();

    /** Adds a component (operational since {@code c.createdAt()}); its name must not be taken. */
    void addComponent(Component c);

    /**
     * Removes a component from the page (kept in the database for the history of past incidents).
     *
     * @return true when it was there
     */
    boolean removeComponent(String id, Instant at);

    /**
     * Sets a component's state: ends its open interval at {@code at} and, unless the new state is operational,
     * opens a new one. Setting the state it already has changes nothing.
     *
     * @return true when the state changed
     */
    boolean setComponentState(String id, ComponentState state, Instant at);

    /** @return every interval (of components removed or not) that ends after {@code since} or is still open */
    List<StateInterval> intervalsSince(Instant since);

    /** Stores a newly published incident with its affected components. */
    void addIncident(PublishedIncident incident);

    /** Replaces the stored title, status, impact, affected components and times of {@code incident}. */
    void updateIncident(PublishedIncident incident);

    /** @return the published incident of internal incident {@code number} */
    Optional<PublishedIncident> incidentOf(long number);

    /** @return the published incident with this public ID */
    Optional<PublishedIncident> incident(String publicId);

    /** @return the {@code limit} most recently published incidents, newest first */
    List<PublishedIncident> recentIncidents(int limit);

    /** @return the unresolved published incidents, newest first */
    List<PublishedIncident> unresolvedIncidents();

    /** @return the published incidents created in {@code [from, until)}, newest first */
    List<PublishedIncident> incidentsBetween(Instant from, Instant until);

    /** Stores a public update. */
    void addUpdate(PublicUpdate update);

    /** @return the public updates of the given published incidents, by public ID, each list newest first */
    Map<String, List<PublicUpdate>> updates(List<String> publicIds);

    /** Records the ID a hosted page gave the incident. @param provider {@code statuspage} or {@code cachet} */
    void setRemoteId(String publicId, String provider, String remoteId);

    /** @return the ID a hosted page gave the incident, if pushed there */
    Optional<String> remoteId(String publicId, String provider);

    /**
     * Records a push to a hosted page: the ID it gave the incident and the time of the newest public update sent.
     *
     * @param provider {@code statuspage} or {@code cachet}
     */
    void markPushed(String publicId, String provider, String remoteId, Instant upTo);

    /** @return the time of the newest public update sent to the hosted page, if any was */
    Optional<Instant> pushedUpTo(String publicId, String provider);

    /** Stores a maintenance window. */
    void addMaintenance(Maintenance m);

    /** @return the maintenance windows ending after {@code since}, by start */
    List<Maintenance> maintenancesEndingAfter(Instant since);

    /**
     * Keeps the public resolution message written for a published incident's coming resolve (Resolve modal).
     *
     * @param publicId the published incident's public ID
     * @param message  the text for customers, null to forget it
     */
    void setResolutionMessage(String publicId, String message);

    /** @return the public resolution message kept by {@link #setResolutionMessage}, empty when none */
    Optional<String> resolutionMessage(String publicId);
}
