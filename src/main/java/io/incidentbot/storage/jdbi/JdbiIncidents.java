package io.incidentbot.storage.jdbi;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.store.IncidentRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.incidentbot.storage.jdbi.Rows.micros;

/**
 * {@link IncidentRepository} on tables {@code incident} and {@code incident_role}, bound to the
 * handle of one transaction. Incidents are read together with their roles in one query (a left join),
 * however many incidents it returns.
 */
public final class JdbiIncidents implements IncidentRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiIncidents(Handle h) {
        this.h = h;
    }

    @Override
    public Incident create(String title, Severity severity, boolean privateIncident, String summary,
                           String declaredBy, Instant declaredAt) {
        // Gap-free and unique across replicas: the counter row is incremented in this transaction (a
        // row lock on PostgreSQL, the single writer on SQLite), so a rollback returns the number and a
        // concurrent declare waits for it. An identity/sequence would leave a hole on rollback.
        long number = h.createQuery("UPDATE counter SET value = value + 1 WHERE name = 'incident' RETURNING value")
                .mapTo(Long.class).one();
        h.createUpdate("""
                INSERT INTO incident (number, title, severity, status, is_private, summary, declared_by, declared_at)
                VALUES (:number, :title, :severity, :status, :private, :summary, :by, :at)""")
                .bind("number", number).bind("title", title).bind("severity", severity.name())
                .bind("status", Status.INVESTIGATING.name()).bind("private", privateIncident)
                .bind("summary", summary).bind("by", declaredBy).bind("at", micros(declaredAt)).execute();
        return find(number).orElseThrow();
    }

    @Override
    public Optional<Incident> find(long number) {
        return one(h.createQuery(IncidentRows.SELECT + "WHERE i.number = :n").bind("n", number));
    }

    @Override
    public Optional<Incident> findByChannel(String channelId) {
        return one(h.createQuery(IncidentRows.SELECT + "WHERE i.channel_id = :c").bind("c", channelId));
    }

    @Override
    public Optional<Long> numberOfChannel(String channelId) {
        return h.createQuery("SELECT number FROM incident WHERE channel_id = :c").bind("c", channelId)
                .mapTo(Long.class).findFirst();
    }

    @Override
    public List<Incident> listOpen() {
        return many(h.createQuery(IncidentRows.SELECT + "WHERE i.status <> :resolved ORDER BY i.number DESC")
                .bind("resolved", Status.RESOLVED.name()));
    }

    @Override
    public List<Incident> listAll() {
        return many(h.createQuery(IncidentRows.SELECT + "ORDER BY i.number"));
    }

    @Override
    public void setChannel(long number, String channelId, String channelName) {
        h.createUpdate("UPDATE incident SET channel_id = :c, channel_name = :name WHERE number = :n")
                .bind("c", channelId).bind("name", channelName).bind("n", number).execute();
    }

    @Override
    public void setHeaderTs(long number, String headerTs) {
        h.createUpdate("UPDATE incident SET header_ts = :ts WHERE number = :n")
                .bind("ts", headerTs).bind("n", number).execute();
    }

    @Override
    public void setSeverity(long number, Severity severity) {
        h.createUpdate("UPDATE incident SET severity = :s WHERE number = :n")
                .bind("s", severity.name()).bind("n", number).execute();
    }

    @Override
    public void setStatus(long number, Status status, Instant identifiedAt, Instant mitigatedAt, Instant resolvedAt) {
        h.createUpdate("""
                UPDATE incident SET status = :s, identified_at = :i, mitigated_at = :m, resolved_at = :r
                WHERE number = :n""")
                .bind("s", status.name()).bind("i", micros(identifiedAt)).bind("m", micros(mitigatedAt))
                .bind("r", micros(resolvedAt)).bind("n", number).execute();
    }

    @Override
    public void setResolutionSummary(long number, String summary) {
        h.createUpdate("UPDATE incident SET resolution_summary = :s WHERE number = :n")
                .bind("s", summary).bind("n", number).execute();
    }

    @Override
    public void setRole(long number, Role role, String userId, Instant at) {
        h.createUpdate("""
                INSERT INTO incident_role (incident, role, user_id, assigned_at) VALUES (:n, :r, :u, :at)
                ON CONFLICT (incident, role) DO UPDATE SET user_id = excluded.user_id, assigned_at = excluded.assigned_at""")
                .bind("n", number).bind("r", role.name()).bind("u", userId).bind("at", micros(at)).execute();
    }

    private static Optional<Incident> one(Query q) {
        return IncidentRows.fold(q).stream().findFirst();
    }

    private static List<Incident> many(Query q) {
        return IncidentRows.fold(q);
    }

    @Override
    public Optional<Instant> impactStarted(long number) {
        return h.createQuery("SELECT impact_started_at FROM incident WHERE number = :n AND impact_started_at IS NOT NULL")
                .bind("n", number).mapTo(Long.class).findFirst().map(io.incidentbot.timeline.SlackTs::fromMicros);
    }

    @Override
    public void setImpactStarted(long number, Instant at) {
        h.createUpdate("UPDATE incident SET impact_started_at = :at WHERE number = :n")
                .bind("at", micros(at)).bind("n", number).execute();
    }
}
