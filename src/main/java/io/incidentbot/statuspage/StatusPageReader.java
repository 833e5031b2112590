package io.incidentbot.statuspage;

import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads what the status page shows from the database, in one read-only transaction per request, so every replica
 * answers the same from the same database (no state in memory).
 */
public final class StatusPageReader {
    /** How many incidents {@code incidents.json} lists (Statuspage: the 50 most recent). */
    public static final int RECENT = 50;
    private static final Duration KEEP_MAINTENANCES = Duration.ofDays(90);

    private final Storage storage;
    private final Clock clock;
    private final ZoneId zone;
    private final String title;

    /**
     * @param storage the database
     * @param clock   the page's clock (maintenance status, history bars)
     * @param zone    the zone of the history bars' days
     * @param title   the page's title
     */
    public StatusPageReader(Storage storage, Clock clock, ZoneId zone, String title) {
        this.storage = storage;
        this.clock = clock;
        this.zone = zone;
        this.title = title;
    }

    /** @return the page's title */
    public String snapshotTitle() {
        return title;
    }

    /** @return the page's stable public ID: 12 characters derived from its title */
    public String pageId() {
        return hashId("page:" + title);
    }

    /** @return the page now */
    public StatusSnapshot snapshot() {
        Instant now = clock.instant();
        return storage.read(r -> {
            var repo = r.statusPage();
            List<Component> components = repo.components();
            List<Maintenance> maintenances = repo.maintenancesEndingAfter(now.minus(KEEP_MAINTENANCES));
            List<StateInterval> intervals = repo.intervalsSince(now.minus(Duration.ofDays(StatusRules.HISTORY_DAYS + 1)));
            Map<String, ComponentState> shown = StatusRules.shownStates(components, maintenances, now);
            List<PublishedIncident> unresolved = repo.unresolvedIncidents();
            List<StatusSnapshot.ComponentRow> rows = new ArrayList<>();
            List<StateInterval> all = new ArrayList<>(intervals);
            for (Maintenance m : maintenances) {
                for (String id : m.componentIds()) {
                    Instant until = m.endsAt().isBefore(now) ? m.endsAt() : now;
                    if (m.startsAt().isBefore(now)) {
                        all.add(new StateInterval(id, ComponentState.UNDER_MAINTENANCE, m.startsAt(), until));
                    }
                }
            }
            Instant updated = Instant.EPOCH;
            for (Component c : components) {
                List<HistoryDay> days = StatusRules.history(c.id(), c.createdAt(), all, now, zone);
                rows.add(new StatusSnapshot.ComponentRow(c, shown.get(c.id()), days, StatusRules.uptime(days)));
                updated = max(updated, c.updatedAt());
            }
            Map<String, String> names = names(components);
            List<PublishedIncident> recent = repo.recentIncidents(RECENT);
            List<StatusSnapshot.IncidentView> recentViews = views(r, recent, names);
            List<StatusSnapshot.IncidentView> active = views(r, unresolved, names);
            for (StatusSnapshot.IncidentView v : recentViews) {
                updated = max(updated, v.incident().updatedAt());
            }
            for (StatusSnapshot.IncidentView v : active) {
                updated = max(updated, v.incident().updatedAt());
            }
            List<StatusSnapshot.MaintenanceView> mv = new ArrayList<>();
            for (Maintenance m : maintenances) {
                MaintenanceStatus s = m.status(now);
                mv.add(new StatusSnapshot.MaintenanceView(m, s, m.componentIds().stream().map(id -> names.getOrDefault(id, "?")).toList()));
                updated = max(updated, s == MaintenanceStatus.SCHEDULED ? m.createdAt() : s == MaintenanceStatus.IN_PROGRESS ? m.startsAt() : m.endsAt());
            }
            Overall overall = StatusRules.overall(shown.values(), unresolved);
            return new StatusSnapshot(title, pageId(), overall, rows, active, recentViews, mv, updated, now, zone);
        });
    }

    /** @return one published incident with its updates, or empty when there is none with that public ID */
    public Optional<StatusSnapshot.IncidentView> incident(String publicId) {
        if (!PublicIds.looksLikeOne(publicId)) {
            return Optional.empty();
        }
        return storage.read(r -> r.statusPage().incident(publicId)
                .map(i -> views(r, List.of(i), names(r.statusPage().components())).get(0)));
    }

    /** @return the incidents published in the last 12 months, by month in the page's zone, newest first */
    public StatusSnapshot.History history() {
        Instant now = clock.instant();
        return storage.read(r -> {
            List<PublishedIncident> list = r.statusPage().incidentsBetween(now.minus(Duration.ofDays(366)), now.plusSeconds(1));
            Map<YearMonth, List<StatusSnapshot.IncidentView>> months = new TreeMap<>(java.util.Comparator.reverseOrder());
            Instant updated = Instant.EPOCH;
            for (StatusSnapshot.IncidentView v : views(r, list, names(r.statusPage().components()))) {
                months.computeIfAbsent(YearMonth.from(v.incident().createdAt().atZone(zone)), k -> new ArrayList<>()).add(v);
                updated = max(updated, v.incident().updatedAt());
            }
            return new StatusSnapshot.History(title, months, updated);
        });
    }

    private static List<StatusSnapshot.IncidentView> views(Repositories r, Collection<PublishedIncident> incidents,
                                                           Map<String, String> names) {
        Map<String, List<PublicUpdate>> updates = r.statusPage().updates(incidents.stream().map(PublishedIncident::publicId).toList());
        List<StatusSnapshot.IncidentView> out = new ArrayList<>();
        for (PublishedIncident i : incidents) {
            Map<String, String> affected = new LinkedHashMap<>();
            i.affected().keySet().forEach(id -> affected.put(id, names.getOrDefault(id, "(removed component)")));
            out.add(new StatusSnapshot.IncidentView(i, updates.getOrDefault(i.publicId(), List.of()), affected));
        }
        return out;
    }

    private static Map<String, String> names(List<Component> components) {
        Map<String, String> names = new LinkedHashMap<>();
        components.forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    private static Instant max(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    /** @return a stable 12-character {@code [0-9a-z]} ID derived from {@code seed} (SHA-256) */
    public static String hashId(String seed) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (int i = 0; b.length() < 12; i++) {
                b.append(Character.forDigit((d[i] & 0xff) % 36, 36));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
