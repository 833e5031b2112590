package io.incidentbot.statuspage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page as Atlassian Statuspage's public API ({@code /api/v2/*.json}, documented on every hosted page's
 * {@code /api/v2}, e.g. https://discordstatus.com/api/v2): the same field names and shapes, so Statuspage widgets,
 * monitors and scripts read it unchanged. Times are ISO 8601 in UTC with milliseconds ({@code 2014-05-14T20:34:43.340Z}).
 * Groups ({@code Group/Name}) become group components ({@code group: true}, {@code components: [ids]}) and their
 * members carry {@code group_id}, as on Statuspage.
 */
public final class StatuspageJson {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
    private final ObjectMapper json = new ObjectMapper();
    private final StatusSnapshot s;
    private final String baseUrl;

    /**
     * @param snapshot the page
     * @param baseUrl  the page's public base URL without a trailing {@code /} (for {@code page.url} and {@code shortlink})
     */
    public StatuspageJson(StatusSnapshot snapshot, String baseUrl) {
        this.s = snapshot;
        this.baseUrl = baseUrl;
    }

    /** @return {@code /api/v2/summary.json}: page, components, incidents (unresolved), scheduled_maintenances (upcoming or in progress), status */
    public ObjectNode summary() {
        ObjectNode root = page();
        root.set("components", components());
        root.set("incidents", incidents(s.active()));
        root.set("scheduled_maintenances", maintenances(s.current()));
        root.set("status", status());
        return root;
    }

    /** @return {@code /api/v2/status.json}: page and status */
    public ObjectNode statusJson() {
        ObjectNode root = page();
        root.set("status", status());
        return root;
    }

    /** @return {@code /api/v2/components.json} */
    public ObjectNode componentsJson() {
        ObjectNode root = page();
        root.set("components", components());
        return root;
    }

    /** @return {@code /api/v2/incidents.json}: the 50 most recent incidents */
    public ObjectNode incidentsJson() {
        ObjectNode root = page();
        root.set("incidents", incidents(s.recent()));
        return root;
    }

    /** @return {@code /api/v2/incidents/unresolved.json} */
    public ObjectNode unresolvedJson() {
        ObjectNode root = page();
        root.set("incidents", incidents(s.active()));
        return root;
    }

    /**
     * @param which {@code all}, {@code upcoming} (scheduled) or {@code active} (in progress)
     * @return {@code /api/v2/scheduled-maintenances.json} (and {@code /upcoming.json}, {@code /active.json})
     */
    public ObjectNode maintenancesJson(String which) {
        ObjectNode root = page();
        List<StatusSnapshot.MaintenanceView> list = switch (which) {
            case "upcoming" -> s.maintenances().stream().filter(m -> m.status() == MaintenanceStatus.SCHEDULED).toList();
            case "active" -> s.maintenances().stream().filter(m -> m.status() == MaintenanceStatus.IN_PROGRESS).toList();
            default -> {
                List<StatusSnapshot.MaintenanceView> newestFirst = new java.util.ArrayList<>(s.maintenances());
                java.util.Collections.reverse(newestFirst);
                yield newestFirst;
            }
        };
        root.set("scheduled_maintenances", maintenances(list));
        return root;
    }

    private ObjectNode page() {
        ObjectNode root = json.createObjectNode();
        ObjectNode page = root.putObject("page");
        page.put("id", s.pageId());
        page.put("name", s.title());
        page.put("url", baseUrl);
        page.put("time_zone", "Etc/UTC");
        page.put("updated_at", time(s.updatedAt()));
        return root;
    }

    private ObjectNode status() {
        ObjectNode st = json.createObjectNode();
        st.put("indicator", s.overall().indicator().word());
        st.put("description", s.overall().description());
        return st;
    }

    private ArrayNode components() {
        ArrayNode out = json.createArrayNode();
        Map<String, ObjectNode> groups = new LinkedHashMap<>();
        for (StatusSnapshot.ComponentRow row : s.components()) {
            Component c = row.component();
            String groupId = null;
            if (c.group() != null) {
                groupId = StatusPageReader.hashId("group:" + s.pageId() + ":" + c.group());
                ObjectNode g = groups.get(c.group());
                if (g == null) {
                    g = component(groupId, c.group(), row.shown(), c.createdAt(), c.updatedAt(), c.position(), null, true);
                    g.putArray("components");
                    groups.put(c.group(), g);
                    out.add(g);
                } else {
                    ComponentState worse = ComponentState.parse(g.get("status").asText()).orElseThrow().worse(row.shown());
                    g.put("status", worse.word());
                    if (c.updatedAt().isAfter(Instant.parse(g.get("updated_at").asText()))) {
                        g.put("updated_at", time(c.updatedAt()));
                    }
                }
                ((ArrayNode) g.get("components")).add(c.id());
            }
            out.add(component(c.id(), c.name(), row.shown(), c.createdAt(), c.updatedAt(), c.position(), groupId, false));
        }
        return out;
    }

    private ObjectNode component(String id, String name, ComponentState state, Instant created, Instant updated, int position,
                                 String groupId, boolean group) {
        ObjectNode n = json.createObjectNode();
        n.put("id", id);
        n.put("name", name);
        n.put("status", state.word());
        n.put("created_at", time(created));
        n.put("updated_at", time(updated));
        n.put("position", position);
        n.putNull("description");
        n.put("showcase", true);
        n.put("start_date", created.atZone(ZoneOffset.UTC).toLocalDate().toString());
        n.put("group_id", groupId);
        n.put("page_id", s.pageId());
        n.put("group", group);
        n.put("only_show_if_degraded", false);
        return n;
    }

    private ArrayNode incidents(List<StatusSnapshot.IncidentView> list) {
        ArrayNode out = json.createArrayNode();
        for (StatusSnapshot.IncidentView v : list) {
            PublishedIncident i = v.incident();
            ObjectNode n = out.addObject();
            n.put("id", i.publicId());
            n.put("name", i.title());
            n.put("status", i.status().word());
            n.put("created_at", time(i.createdAt()));
            n.put("updated_at", time(i.updatedAt()));
            n.put("monitoring_at", time(i.monitoringAt()));
            n.put("resolved_at", time(i.resolvedAt()));
            n.put("impact", i.impact().word());
            n.put("shortlink", baseUrl + "/status/incidents/" + i.publicId());
            n.put("started_at", time(i.createdAt()));
            n.put("page_id", s.pageId());
            ArrayNode updates = n.putArray("incident_updates");
            for (PublicUpdate u : v.updates()) {
                update(updates.addObject(), u.id(), i.publicId(), u.status().word(), u.body(), u.at());
            }
            ArrayNode components = n.putArray("components");
            for (StatusSnapshot.ComponentRow row : s.components()) {
                if (i.affected().containsKey(row.component().id())) {
                    Component c = row.component();
                    components.add(component(c.id(), c.name(), row.shown(), c.createdAt(), c.updatedAt(), c.position(), null, false));
                }
            }
        }
        return out;
    }

    private void update(ObjectNode u, String id, String incidentId, String status, String body, Instant at) {
        u.put("id", id);
        u.put("status", status);
        u.put("body", body);
        u.put("incident_id", incidentId);
        u.put("created_at", time(at));
        u.put("updated_at", time(at));
        u.put("display_at", time(at));
        u.putNull("affected_components");
        u.put("deliver_notifications", true);
        u.putNull("custom_tweet");
        u.putNull("tweet_id");
    }

    private ArrayNode maintenances(List<StatusSnapshot.MaintenanceView> list) {
        ArrayNode out = json.createArrayNode();
        for (StatusSnapshot.MaintenanceView v : list) {
            Maintenance m = v.maintenance();
            ObjectNode n = out.addObject();
            n.put("id", m.publicId());
            n.put("name", m.name());
            n.put("status", v.status().word());
            n.put("created_at", time(m.createdAt()));
            Instant updated = v.status() == MaintenanceStatus.SCHEDULED ? m.createdAt()
                    : v.status() == MaintenanceStatus.IN_PROGRESS ? m.startsAt() : m.endsAt();
            n.put("updated_at", time(updated));
            n.putNull("monitoring_at");
            n.put("resolved_at", v.status() == MaintenanceStatus.COMPLETED ? time(m.endsAt()) : null);
            n.put("impact", "maintenance");
            n.put("shortlink", baseUrl + "/status#maintenance-" + m.publicId());
            n.put("started_at", time(m.startsAt()));
            n.put("page_id", s.pageId());
            ArrayNode updates = n.putArray("incident_updates");
            if (v.status() == MaintenanceStatus.COMPLETED) {
                update(updates.addObject(), StatusPageReader.hashId(m.publicId() + ":completed"), m.publicId(), "completed",
                        "The scheduled maintenance has been completed.", m.endsAt());
            }
            if (v.status() != MaintenanceStatus.SCHEDULED) {
                update(updates.addObject(), StatusPageReader.hashId(m.publicId() + ":in_progress"), m.publicId(), "in_progress",
                        "Scheduled maintenance is currently in progress.", m.startsAt());
            }
            update(updates.addObject(), StatusPageReader.hashId(m.publicId() + ":scheduled"), m.publicId(), "scheduled",
                    m.message(), m.createdAt());
            ArrayNode components = n.putArray("components");
            for (StatusSnapshot.ComponentRow row : s.components()) {
                if (m.componentIds().contains(row.component().id())) {
                    Component c = row.component();
                    components.add(component(c.id(), c.name(), row.shown(), c.createdAt(), c.updatedAt(), c.position(), null, false));
                }
            }
            n.put("scheduled_for", time(m.startsAt()));
            n.put("scheduled_until", time(m.endsAt()));
        }
        return out;
    }

    private static String time(Instant at) {
        return at == null ? null : TIME.format(at);
    }
}
