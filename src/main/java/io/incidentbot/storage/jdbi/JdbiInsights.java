package io.incidentbot.storage.jdbi;

import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.insights.IncidentTimes;
import io.incidentbot.store.InsightsRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link InsightsRepository} on tables {@code incident} and {@code follow_up}; portable SQL. */
public final class JdbiInsights implements InsightsRepository {
    // Impact started as the draft takes it: a stored correction, else the earliest first firing of the incident's
    // alerts by the draft's own rule (JdbiAlerts.FIRST_FIRED_IN_INCIDENT, which alertsOfIncident reads too).
    private static final String SELECT = """
            SELECT number, title, severity, is_private, declared_at, identified_at, mitigated_at, resolved_at,
                   (SELECT type_name FROM incident_type ty WHERE ty.incident = incident.number) AS type_name,
                   COALESCE(impact_started_at, (SELECT MIN(""" + JdbiAlerts.FIRST_FIRED_IN_INCIDENT + """
            ) FROM alert_transition t
                            JOIN alert a ON a.group_id = t.group_id AND a.alert_key = t.alert_key
                            WHERE t.incident = incident.number)) AS impact_at
            FROM incident""";
    private static final RowMapper<IncidentTimes> ROW = (rs, ctx) -> new IncidentTimes(rs.getLong("number"),
            rs.getString("title"), Severity.valueOf(rs.getString("severity")), rs.getBoolean("is_private"),
            instant(rs, "declared_at"), instant(rs, "identified_at"), instant(rs, "mitigated_at"),
            instant(rs, "resolved_at"), rs.getString("type_name"), instant(rs, "impact_at"));
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiInsights(Handle h) {
        this.h = h;
    }

    @Override
    public List<IncidentTimes> declaredIn(Instant from, Instant to) {
        return h.createQuery(SELECT + " WHERE declared_at >= :from AND declared_at <= :to ORDER BY declared_at, number")
                .bind("from", micros(from)).bind("to", micros(to)).map(ROW).list();
    }

    @Override
    public List<IncidentTimes> longestOpen(int limit) {
        return h.createQuery(SELECT + " WHERE status <> :resolved ORDER BY declared_at, number LIMIT :limit")
                .bind("resolved", Status.RESOLVED.name()).bind("limit", limit).map(ROW).list();
    }

    @Override
    public Map<String, Integer> followUpsByOwner(Instant from, Instant to) {
        Map<String, Integer> out = new HashMap<>();
        h.createQuery("""
                SELECT f.owner_id, COUNT(*) AS n FROM follow_up f JOIN incident i ON i.number = f.incident
                WHERE i.declared_at >= :from AND i.declared_at <= :to GROUP BY f.owner_id""")
                .bind("from", micros(from)).bind("to", micros(to))
                .map((rs, ctx) -> Map.entry(String.valueOf(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> out.put("null".equals(e.getKey()) ? null : e.getKey(), e.getValue()));
        return out;
    }
}
