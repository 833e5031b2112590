package io.incidentbot.storage.jdbi;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.incidentbot.storage.jdbi.Rows.instant;

/**
 * Reads incidents with their role holders in one query, however many incidents it returns: the
 * incident rows left-joined with {@code incident_role} (one row per role held, or one row with no
 * role), folded back into one {@link Incident} each.
 */
final class IncidentRows {
    /** The select to append a {@code WHERE} / {@code ORDER BY} on alias {@code i} to. Portable SQL. */
    static final String SELECT = """
            SELECT i.*, r.role AS role_name, r.user_id AS role_holder
            FROM incident i LEFT JOIN incident_role r ON r.incident = i.number
            """;

    private IncidentRows() {
    }

    /**
     * @param q a query starting with {@link #SELECT}
     * @return its incidents in the order their first row came
     */
    static List<Incident> fold(Query q) {
        Map<Long, Map<Role, String>> roles = new HashMap<>();
        Map<Long, Incident> incidents = q.reduceResultSet(new LinkedHashMap<Long, Incident>(), (seen, rs, ctx) -> {
            long number = rs.getLong("number");
            if (!seen.containsKey(number)) {
                seen.put(number, incident(rs));
            }
            String role = rs.getString("role_name");
            if (role != null) {
                roles.computeIfAbsent(number, n -> new EnumMap<>(Role.class))
                        .put(Role.valueOf(role), rs.getString("role_holder"));
            }
            return seen;
        });
        List<Incident> out = new ArrayList<>(incidents.size());
        for (Incident i : incidents.values()) {
            out.add(new Incident(i.number(), i.title(), i.severity(), i.status(), i.privateIncident(), i.summary(),
                    i.channelId(), i.channelName(), i.headerTs(), i.declaredBy(), i.declaredAt(), i.identifiedAt(),
                    i.mitigatedAt(), i.resolvedAt(), i.resolutionSummary(), roles.getOrDefault(i.number(), Map.of())));
        }
        return out;
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        return new Incident(rs.getLong("number"), rs.getString("title"), Severity.valueOf(rs.getString("severity")),
                Status.valueOf(rs.getString("status")), rs.getBoolean("is_private"), rs.getString("summary"),
                rs.getString("channel_id"), rs.getString("channel_name"), rs.getString("header_ts"),
                rs.getString("declared_by"), instant(rs, "declared_at"), instant(rs, "identified_at"),
                instant(rs, "mitigated_at"), instant(rs, "resolved_at"), rs.getString("resolution_summary"),
                Map.of());
    }
}
