package io.incidentbot.storage.jdbi;

import io.incidentbot.store.ProcessRepository;
import org.jdbi.v3.core.Handle;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link ProcessRepository} on tables {@code incident_type} and {@code incident_field} (portable SQL), bound to one transaction's handle. */
public final class JdbiProcess implements ProcessRepository {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiProcess(Handle h) {
        this.h = h;
    }

    @Override
    public void setType(long incident, String type) {
        h.createUpdate("""
                INSERT INTO incident_type (incident, type_name) VALUES (:i, :t)
                ON CONFLICT (incident) DO UPDATE SET type_name = excluded.type_name""")
                .bind("i", incident).bind("t", type).execute();
    }

    @Override
    public Optional<String> type(long incident) {
        return h.createQuery("SELECT type_name FROM incident_type WHERE incident = :i")
                .bind("i", incident).mapTo(String.class).findFirst();
    }

    @Override
    public void setField(long incident, String name, String value) {
        if (value == null || value.isEmpty()) {
            h.createUpdate("DELETE FROM incident_field WHERE incident = :i AND name = :n").bind("i", incident).bind("n", name).execute();
            return;
        }
        h.createUpdate("""
                INSERT INTO incident_field (incident, name, value) VALUES (:i, :n, :v)
                ON CONFLICT (incident, name) DO UPDATE SET value = excluded.value""")
                .bind("i", incident).bind("n", name).bind("v", value).execute();
    }

    @Override
    public Map<String, String> fields(long incident) {
        Map<String, String> out = new TreeMap<>();
        h.createQuery("SELECT name, value FROM incident_field WHERE incident = :i").bind("i", incident)
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
