package io.incidentbot.storage.jdbi;

import io.incidentbot.statuspage.Component;
import io.incidentbot.statuspage.ComponentState;
import io.incidentbot.statuspage.Indicator;
import io.incidentbot.statuspage.Maintenance;
import io.incidentbot.statuspage.PublicIds;
import io.incidentbot.statuspage.PublicStatus;
import io.incidentbot.statuspage.PublicUpdate;
import io.incidentbot.statuspage.PublishedIncident;
import io.incidentbot.statuspage.StateInterval;
import io.incidentbot.store.StatusPageRepository;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/**
 * {@link StatusPageRepository} on the {@code status_*} tables (migration V14), bound to one transaction's handle.
 * States and statuses are stored as Statuspage's words ({@code partial_outage}, {@code monitoring}).
 */
public final class JdbiStatusPages implements StatusPageRepository {
    private static final String INCIDENT_COLUMNS =
            "public_id, incident, title, status, impact, created_at, updated_at, monitoring_at, resolved_at";
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiStatusPages(Handle h) {
        this.h = h;
    }

    @Override
    public List<Component> components() {
        return h.createQuery("""
                SELECT id, grp, name, position, state, created_at, updated_at FROM status_component
                WHERE removed_at IS NULL ORDER BY position, name""")
                .map((rs, ctx) -> new Component(rs.getString("id"), rs.getString("grp"), rs.getString("name"),
                        rs.getInt("position"), state(rs.getString("state")), instant(rs, "created_at"), instant(rs, "updated_at")))
                .list();
    }

    @Override
    public void addComponent(Component c) {
        h.createUpdate("""
                INSERT INTO status_component (id, grp, name, position, state, created_at, updated_at)
                VALUES (:id, :g, :n, :p, :s, :c, :u)""")
                .bind("id", c.id()).bind("g", c.group()).bind("n", c.name()).bind("p", c.position())
                .bind("s", c.state().word()).bind("c", micros(c.createdAt())).bind("u", micros(c.updatedAt())).execute();
        if (c.state() != ComponentState.OPERATIONAL) {
            openInterval(c.id(), c.state(), c.createdAt());
        }
    }

    @Override
    public boolean removeComponent(String id, Instant at) {
        endInterval(id, at);
        return h.createUpdate("UPDATE status_component SET removed_at = :at WHERE id = :id AND removed_at IS NULL")
                .bind("at", micros(at)).bind("id", id).execute() == 1;
    }

    @Override
    public boolean setComponentState(String id, ComponentState state, Instant at) {
        int changed = h.createUpdate("UPDATE status_component SET state = :s, updated_at = :at WHERE id = :id AND state <> :s")
                .bind("s", state.word()).bind("at", micros(at)).bind("id", id).execute();
        if (changed == 0) {
            return false;
        }
        endInterval(id, at);
        if (state != ComponentState.OPERATIONAL) {
            openInterval(id, state, at);
        }
        return true;
    }

    private void endInterval(String componentId, Instant at) {
        h.createUpdate("UPDATE status_interval SET ended_at = :at WHERE component_id = :c AND ended_at IS NULL")
                .bind("at", micros(at)).bind("c", componentId).execute();
    }

    private void openInterval(String componentId, ComponentState state, Instant at) {
        h.createUpdate("INSERT INTO status_interval (id, component_id, state, started_at) VALUES (:id, :c, :s, :at)")
                .bind("id", PublicIds.next()).bind("c", componentId).bind("s", state.word()).bind("at", micros(at)).execute();
    }

    @Override
    public List<StateInterval> intervalsSince(Instant since) {
        return h.createQuery("""
                SELECT component_id, state, started_at, ended_at FROM status_interval
                WHERE ended_at IS NULL OR ended_at > :since ORDER BY started_at""")
                .bind("since", micros(since))
                .map((rs, ctx) -> new StateInterval(rs.getString(1), state(rs.getString(2)), instant(rs, "started_at"),
                        instant(rs, "ended_at")))
                .list();
    }

    @Override
    public void addIncident(PublishedIncident i) {
        h.createUpdate("""
                INSERT INTO status_incident (public_id, incident, title, status, impact, created_at, updated_at, monitoring_at, resolved_at)
                VALUES (:p, :n, :t, :s, :i, :c, :u, :m, :r)""")
                .bind("p", i.publicId()).bind("n", i.incident()).bind("t", i.title()).bind("s", i.status().word())
                .bind("i", i.impact().word()).bind("c", micros(i.createdAt())).bind("u", micros(i.updatedAt()))
                .bind("m", micros(i.monitoringAt())).bind("r", micros(i.resolvedAt())).execute();
        saveAffected(i);
    }

    @Override
    public void updateIncident(PublishedIncident i) {
        h.createUpdate("""
                UPDATE status_incident SET title = :t, status = :s, impact = :i, updated_at = :u, monitoring_at = :m,
                    resolved_at = :r WHERE public_id = :p""")
                .bind("p", i.publicId()).bind("t", i.title()).bind("s", i.status().word()).bind("i", i.impact().word())
                .bind("u", micros(i.updatedAt())).bind("m", micros(i.monitoringAt())).bind("r", micros(i.resolvedAt()))
                .execute();
        h.createUpdate("DELETE FROM status_incident_component WHERE public_id = :p").bind("p", i.publicId()).execute();
        saveAffected(i);
    }

    private void saveAffected(PublishedIncident i) {
        for (Map.Entry<String, ComponentState> e : i.affected().entrySet()) {
            h.createUpdate("INSERT INTO status_incident_component (public_id, component_id, state) VALUES (:p, :c, :s)")
                    .bind("p", i.publicId()).bind("c", e.getKey()).bind("s", e.getValue().word()).execute();
        }
    }

    @Override
    public Optional<PublishedIncident> incidentOf(long number) {
        return incidents("WHERE incident = :n", Map.of("n", number), 1).stream().findFirst();
    }

    @Override
    public Optional<PublishedIncident> incident(String publicId) {
        return incidents("WHERE public_id = :p", Map.of("p", publicId), 1).stream().findFirst();
    }

    @Override
    public List<PublishedIncident> recentIncidents(int limit) {
        return incidents("", Map.of(), limit);
    }

    @Override
    public List<PublishedIncident> unresolvedIncidents() {
        return incidents("WHERE status <> 'resolved'", Map.of(), 1000);
    }

    @Override
    public List<PublishedIncident> incidentsBetween(Instant from, Instant until) {
        return incidents("WHERE created_at >= :f AND created_at < :u", Map.of("f", micros(from), "u", micros(until)), 10_000);
    }

    private List<PublishedIncident> incidents(String where, Map<String, Object> binds, int limit) {
        var q = h.createQuery("SELECT " + INCIDENT_COLUMNS + " FROM status_incident " + where
                + " ORDER BY created_at DESC, public_id LIMIT :limit").bind("limit", limit);
        binds.forEach(q::bind);
        List<Row> rows = q.map((rs, ctx) -> row(rs)).list();
        List<PublishedIncident> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, ComponentState> affected = new LinkedHashMap<>();
            h.createQuery("""
                    SELECT a.component_id, a.state FROM status_incident_component a JOIN status_component c ON c.id = a.component_id
                    WHERE a.public_id = :p ORDER BY c.position, c.name""")
                    .bind("p", r.publicId)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), state(rs.getString(2))))
                    .forEach(e -> affected.put(e.getKey(), e.getValue()));
            out.add(new PublishedIncident(r.publicId, r.incident, r.title, r.status, r.impact, affected, r.createdAt,
                    r.updatedAt, r.monitoringAt, r.resolvedAt));
        }
        return out;
    }

    private record Row(String publicId, long incident, String title, PublicStatus status, Indicator impact,
                       Instant createdAt, Instant updatedAt, Instant monitoringAt, Instant resolvedAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("public_id"), rs.getLong("incident"), rs.getString("title"),
                PublicStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                Indicator.valueOf(rs.getString("impact").toUpperCase(Locale.ROOT)), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "monitoring_at"), instant(rs, "resolved_at"));
    }

    @Override
    public void addUpdate(PublicUpdate u) {
        h.createUpdate("INSERT INTO status_update (id, public_id, status, body, created_at) VALUES (:id, :p, :s, :b, :at)")
                .bind("id", u.id()).bind("p", u.publicId()).bind("s", u.status().word()).bind("b", u.body())
                .bind("at", micros(u.at())).execute();
    }

    @Override
    public Map<String, List<PublicUpdate>> updates(List<String> publicIds) {
        Map<String, List<PublicUpdate>> out = new LinkedHashMap<>();
        for (String id : publicIds) {
            out.put(id, new ArrayList<>());
        }
        if (publicIds.isEmpty()) {
            return out;
        }
        h.createQuery("""
                SELECT id, public_id, status, body, created_at FROM status_update WHERE public_id IN (<ids>)
                ORDER BY created_at DESC, id""")
                .bindList("ids", publicIds)
                .map((rs, ctx) -> new PublicUpdate(rs.getString("id"), rs.getString("public_id"),
                        PublicStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("body"),
                        instant(rs, "created_at")))
                .forEach(u -> out.get(u.publicId()).add(u));
        return out;
    }

    @Override
    public void setRemoteId(String publicId, String provider, String remoteId) {
        h.createUpdate("UPDATE status_incident SET " + column(provider) + " = :r WHERE public_id = :p")
                .bind("r", remoteId).bind("p", publicId).execute();
    }

    @Override
    public Optional<String> remoteId(String publicId, String provider) {
        return h.createQuery("SELECT " + column(provider) + " FROM status_incident WHERE public_id = :p")
                .bind("p", publicId).mapTo(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public void markPushed(String publicId, String provider, String remoteId, Instant upTo) {
        String c = column(provider);
        h.createUpdate("UPDATE status_incident SET " + c + " = :r, " + provider + "_pushed_at = :at WHERE public_id = :p")
                .bind("r", remoteId).bind("at", micros(upTo)).bind("p", publicId).execute();
    }

    @Override
    public Optional<Instant> pushedUpTo(String publicId, String provider) {
        column(provider);
        return h.createQuery("SELECT " + provider + "_pushed_at FROM status_incident WHERE public_id = :p")
                .bind("p", publicId).map((rs, ctx) -> instant(rs, provider + "_pushed_at")).findFirst()
                .flatMap(Optional::ofNullable);
    }

    @Override
    public void setResolutionMessage(String publicId, String message) {
        h.createUpdate("UPDATE status_incident SET resolution_message = :m WHERE public_id = :p")
                .bind("m", message).bind("p", publicId).execute();
    }

    @Override
    public Optional<String> resolutionMessage(String publicId) {
        return h.createQuery("SELECT resolution_message FROM status_incident WHERE public_id = :p")
                .bind("p", publicId).mapTo(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private static String column(String provider) {
        return switch (provider) {
            case "statuspage" -> "statuspage_id";
            case "cachet" -> "cachet_id";
            default -> throw new IllegalArgumentException("unknown status page provider " + provider);
        };
    }

    @Override
    public void addMaintenance(Maintenance m) {
        h.createUpdate("""
                INSERT INTO status_maintenance (public_id, name, message, starts_at, ends_at, created_at, created_by)
                VALUES (:p, :n, :m, :s, :e, :c, :by)""")
                .bind("p", m.publicId()).bind("n", m.name()).bind("m", m.message()).bind("s", micros(m.startsAt()))
                .bind("e", micros(m.endsAt())).bind("c", micros(m.createdAt())).bind("by", m.createdBy()).execute();
        for (String c : m.componentIds()) {
            h.createUpdate("INSERT INTO status_maintenance_component (public_id, component_id) VALUES (:p, :c)")
                    .bind("p", m.publicId()).bind("c", c).execute();
        }
    }

    @Override
    public List<Maintenance> maintenancesEndingAfter(Instant since) {
        record M(String id, String name, String message, Instant s, Instant e, Instant c, String by) {
        }
        List<M> rows = h.createQuery("""
                SELECT public_id, name, message, starts_at, ends_at, created_at, created_by FROM status_maintenance
                WHERE ends_at > :since ORDER BY starts_at, public_id""")
                .bind("since", micros(since))
                .map((rs, ctx) -> new M(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, "starts_at"),
                        instant(rs, "ends_at"), instant(rs, "created_at"), rs.getString(7)))
                .list();
        List<Maintenance> out = new ArrayList<>();
        for (M m : rows) {
            List<String> components = h.createQuery("""
                    SELECT mc.component_id FROM status_maintenance_component mc JOIN status_component c ON c.id = mc.component_id
                    WHERE mc.public_id = :p ORDER BY c.position, c.name""")
                    .bind("p", m.id()).mapTo(String.class).list();
            out.add(new Maintenance(m.id(), m.name(), m.message(), m.s(), m.e(), components, m.c(), m.by()));
        }
        return out;
    }

    private static ComponentState state(String word) {
        return ComponentState.valueOf(word.toUpperCase(Locale.ROOT));
    }
}
