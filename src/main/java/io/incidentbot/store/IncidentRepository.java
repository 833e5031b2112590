package io.incidentbot.store;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored incidents. Implementations run inside the caller's transaction. */
public interface IncidentRepository {

    /**
     * Inserts a new incident and gives it the next number of the sequence (never reused).
     *
     * @return the stored incident with its number
     */
    Incident create(String title, Severity severity, boolean privateIncident, String summary,
                    String declaredBy, Instant declaredAt);

    /** @return the incident with this number, if any */
    Optional<Incident> find(long number);

    /** @return the incident whose channel is {@code channelId}, if any */
    Optional<Incident> findByChannel(String channelId);

    /**
     * The cheap form of {@link #findByChannel} for hot paths (every channel event): one indexed query,
     * no roles.
     *
     * @return the number of the incident whose channel is {@code channelId}, if any
     */
    Optional<Long> numberOfChannel(String channelId);

    /** @return incidents whose status is not resolved, newest first */
    List<Incident> listOpen();

    /** @return every incident, oldest first */
    List<Incident> listAll();

    /** Records the incident channel once created. */
    void setChannel(long number, String channelId, String channelName);

    /** Records the {@code ts} of the header message. */
    void setHeaderTs(long number, String headerTs);

    /** Stores severity. */
    void setSeverity(long number, Severity severity);

    /**
     * Stores the status and the milestone times.
     *
     * @param identifiedAt value to store (null clears nothing: pass the current one to keep it)
     */
    void setStatus(long number, Status status, Instant identifiedAt, Instant mitigatedAt, Instant resolvedAt);

    /** Stores the resolution summary. */
    void setResolutionSummary(long number, String summary);

    /** Assigns {@code role} to {@code userId}, replacing the previous holder. */
    void setRole(long number, Role role, String userId, Instant at);

    /** @return when impact started as people set it (issue 25), empty when never set */
    Optional<Instant> impactStarted(long number);

    /** Sets (or, with null, unsets) when impact started. */
    void setImpactStarted(long number, Instant at);
}
