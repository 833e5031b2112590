package io.incidentbot.statuspage;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Everything the page and its JSON API show at one moment, read in one transaction ({@link StatusPageReader}); the
 * HTML templates and {@link StatuspageJson} render from it alone. Holds public facts only.
 *
 * @param title        the page's title
 * @param pageId       the page's stable public ID
 * @param overall      indicator and banner
 * @param components   the components in page order, each with its shown state and history
 * @param active       unresolved published incidents, newest first, each with its public updates newest first
 * @param recent       the 50 most recently published incidents (resolved or not), for {@code incidents.json}
 * @param maintenances maintenance windows not ended more than 90 days ago, by start
 * @param updatedAt    the newest change shown (component, incident, update or maintenance), or the epoch
 * @param now          the time it was read
 * @param zone         the zone of the history bars' days
 */
public record StatusSnapshot(String title, String pageId, Overall overall, List<ComponentRow> components,
                             List<IncidentView> active, List<IncidentView> recent, List<MaintenanceView> maintenances,
                             Instant updatedAt, Instant now, ZoneId zone) {

    /**
     * A component on the page.
     *
     * @param component the stored component
     * @param shown     the state shown now (maintenance applied)
     * @param history   90 days, oldest first
     * @param uptime    the 90 days' uptime, e.g. {@code 99.95}
     */
    public record ComponentRow(Component component, ComponentState shown, List<HistoryDay> history, double uptime) {
        /** @return the uptime as shown, e.g. {@code 99.95%} */
        public String uptimeText() {
            return String.format(java.util.Locale.ROOT, "%.2f%%", uptime);
        }
    }

    /**
     * A published incident with its public updates (newest first) and the names of its affected components.
     */
    public record IncidentView(PublishedIncident incident, List<PublicUpdate> updates, Map<String, String> componentNames) {
    }

    /** A maintenance window with its status by the clock and its components' names. */
    public record MaintenanceView(Maintenance maintenance, MaintenanceStatus status, List<String> componentNames) {
    }

    /** Past incidents grouped by month (newest month first), for {@code /status/history}. */
    public record History(String title, Map<YearMonth, List<IncidentView>> months, Instant updatedAt) {
    }

    /** @return the maintenances upcoming or in progress */
    public List<MaintenanceView> current() {
        return maintenances.stream().filter(m -> m.status() != MaintenanceStatus.COMPLETED).toList();
    }

    /** @return the components of group {@code group} (null: ungrouped), in page order */
    public List<ComponentRow> inGroup(String group) {
        return components.stream().filter(c -> java.util.Objects.equals(c.component().group(), group)).toList();
    }

    /** @return the groups in page order (by their first component), ungrouped components as a null group first */
    public List<String> groups() {
        java.util.LinkedHashSet<String> g = new java.util.LinkedHashSet<>();
        if (components.stream().anyMatch(c -> c.component().group() == null)) {
            g.add(null);
        }
        components.forEach(c -> {
            if (c.component().group() != null) {
                g.add(c.component().group());
            }
        });
        return new java.util.ArrayList<>(g);
    }
}
