package io.incidentbot.storage.jdbi;

import io.incidentbot.alerts.AlertSource;
import io.incidentbot.alerts.AlertStatus;
import io.incidentbot.alerts.Transition;
import io.incidentbot.store.AlertRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/**
 * {@link AlertRepository} on tables {@code alert_group}, {@code alert} and {@code alert_transition}
 * (migrations V6, V9, V19), bound to the handle of one transaction. Portable SQL: {@code ON CONFLICT},
 * {@code RETURNING}, booleans bound from Java.
 */
public final class JdbiAlerts implements AlertRepository {
    private static final RowMapper<Group> GROUP = (rs, ctx) -> {
        long incident = rs.getLong("incident");
        Long inc = rs.wasNull() ? null : incident;
        long digestOf = rs.getLong("digest_of");
        Long digest = rs.wasNull() ? null : digestOf;
        return new Group(rs.getLong("id"), AlertSource.valueOf(rs.getString("source")), rs.getString("group_key"),
                rs.getString("title"), inc, rs.getString("message_ts"), rs.getBoolean("slack_pending"),
                instant(rs, "last_slack_at"), rs.getLong("posted_through"), rs.getString("external_url"), digest,
                instant(rs, "shown_at"), instant(rs, "digest_at"));
    };
    private static final RowMapper<StoredAlert> ALERT = (rs, ctx) -> new StoredAlert(rs.getString("alert_key"),
            rs.getString("name"), AlertStatus.valueOf(rs.getString("status")), instant(rs, "first_fired_at"),
            instant(rs, "resolved_at"), rs.getString("url"), AlertLabels.read(rs.getString("labels")),
            rs.getString("description"), rs.getString("runbook_url"), rs.getString("silence_url"));
    private static final RowMapper<StoredTransition> TRANSITION = (rs, ctx) -> new StoredTransition(rs.getLong("id"),
            rs.getString("alert_key"), rs.getString("name"), AlertStatus.valueOf(rs.getString("status")),
            instant(rs, "at"), rs.getString("url"));

    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiAlerts(Handle h) {
        this.h = h;
    }

    @Override
    public long group(AlertSource source, String groupKey, String title, Instant now) {
        h.createUpdate("""
                INSERT INTO alert_group (source, group_key, title, created_at) VALUES (:s, :k, :t, :now)
                ON CONFLICT (source, group_key) DO NOTHING""")
                .bind("s", source.name()).bind("k", groupKey).bind("t", title).bind("now", micros(now)).execute();
        return h.createQuery("SELECT id FROM alert_group WHERE source = :s AND group_key = :k")
                .bind("s", source.name()).bind("k", groupKey).mapTo(Long.class).one();
    }

    @Override
    public void externalUrl(long groupId, String externalUrl) {
        if (externalUrl != null) {
            h.createUpdate("UPDATE alert_group SET external_url = :u WHERE id = :g").bind("u", externalUrl)
                    .bind("g", groupId).execute();
        }
    }

    @Override
    public Optional<Group> find(long id) {
        return h.createQuery("SELECT * FROM alert_group WHERE id = :id").bind("id", id).map(GROUP).findFirst();
    }

    @Override
    public Optional<Group> findByIncident(long incident) {
        return h.createQuery("SELECT * FROM alert_group WHERE incident = :i ORDER BY id").bind("i", incident)
                .map(GROUP).findFirst();
    }

    @Override
    public Map<String, AlertStatus> lastStatus(long groupId) {
        Map<String, AlertStatus> m = new HashMap<>();
        h.createQuery("SELECT alert_key, status FROM alert WHERE group_id = :g").bind("g", groupId)
                .map((rs, ctx) -> m.put(rs.getString("alert_key"), AlertStatus.valueOf(rs.getString("status"))))
                .list();
        return m;
    }

    @Override
    public OptionalLong addTransition(long groupId, Transition t, Long incident, Instant receivedAt) {
        var a = t.alert();
        String url = a.generatorUrl() != null ? a.generatorUrl() : a.dashboardUrl();
        Optional<Long> id = h.createQuery("""
                INSERT INTO alert_transition (group_id, alert_key, name, status, at, url, received_at, incident)
                VALUES (:g, :k, :n, :s, :at, :u, :r, :i) ON CONFLICT DO NOTHING RETURNING id""")
                .bind("g", groupId).bind("k", a.key()).bind("n", a.name()).bind("s", t.to().name())
                .bind("at", micros(t.at())).bind("u", url).bind("r", micros(receivedAt)).bind("i", incident)
                .mapTo(Long.class).findFirst();
        if (id.isEmpty()) {
            return OptionalLong.empty();
        }
        boolean firing = t.to() == AlertStatus.FIRING;
        Instant fired = firing ? t.at() : a.startsAt();
        h.createUpdate("""
                INSERT INTO alert (group_id, alert_key, name, status, first_fired_at, resolved_at, url, labels,
                  description, runbook_url, silence_url)
                VALUES (:g, :k, :n, :s, :f, :r, :u, :l, :d, :rb, :sl)
                ON CONFLICT (group_id, alert_key) DO UPDATE SET status = :s, name = :n,
                  first_fired_at = CASE WHEN alert.first_fired_at IS NULL OR alert.first_fired_at > :f
                                        THEN COALESCE(:f, alert.first_fired_at) ELSE alert.first_fired_at END,
                  resolved_at = :r, url = COALESCE(:u, alert.url), labels = :l, description = :d, runbook_url = :rb,
                  silence_url = COALESCE(:sl, alert.silence_url)""")
                .bind("g", groupId).bind("k", a.key()).bind("n", a.name()).bind("s", t.to().name())
                .bind("f", micros(fired)).bind("r", firing ? null : micros(t.at())).bind("u", url)
                .bind("l", AlertLabels.write(a.labels())).bind("d", a.description()).bind("rb", a.runbookUrl())
                .bind("sl", a.silenceUrl()).execute();
        return OptionalLong.of(id.get());
    }

    @Override
    public List<StoredTransition> linkIncident(long groupId, long incident) {
        h.createUpdate("UPDATE alert_group SET incident = :i, resolved_said = :f WHERE id = :g").bind("i", incident)
                .bind("f", false).bind("g", groupId).execute();
        List<StoredTransition> taken = new ArrayList<>(h.createQuery("""
                UPDATE alert_transition SET incident = :i WHERE group_id = :g AND incident IS NULL
                RETURNING id, alert_key, name, status, at, url""")
                .bind("i", incident).bind("g", groupId).map(TRANSITION).list());
        taken.sort(Comparator.comparingLong(StoredTransition::id));
        return taken;
    }

    @Override
    public void slackQueued(long groupId) {
        h.createUpdate("UPDATE alert_group SET slack_pending = :t WHERE id = :g").bind("t", true).bind("g", groupId)
                .execute();
    }

    @Override
    public Optional<Group> takeForSlack(long groupId, Instant now) {
        h.createUpdate("UPDATE alert_group SET slack_pending = :f, last_slack_at = :now WHERE id = :g")
                .bind("f", false).bind("now", micros(now)).bind("g", groupId).execute();
        return find(groupId);
    }

    @Override
    public void messagePosted(long groupId, String ts) {
        h.createUpdate("UPDATE alert_group SET message_ts = :ts WHERE id = :g").bind("ts", ts).bind("g", groupId)
                .execute();
    }

    @Override
    public void postedThrough(long groupId, long transitionId) {
        h.createUpdate("UPDATE alert_group SET posted_through = :t WHERE id = :g AND posted_through < :t")
                .bind("t", transitionId).bind("g", groupId).execute();
    }

    @Override
    public boolean markResolvedSaid(long groupId) {
        return h.createUpdate("UPDATE alert_group SET resolved_said = :t WHERE id = :g AND resolved_said = :f")
                .bind("t", true).bind("f", false).bind("g", groupId).execute() == 1;
    }

    @Override
    public List<StoredAlert> alerts(long groupId) {
        return h.createQuery("SELECT * FROM alert WHERE group_id = :g ORDER BY first_fired_at, alert_key")
                .bind("g", groupId).map(ALERT).list();
    }

    @Override
    public List<StoredAlert> alertsOfIncident(long incident) {
        // Folded here from the incident's own transitions in arrival order (the order the alert table's latest
        // state follows too): the same on SQLite and PostgreSQL, and an incident has few.
        record Row(String alert, String key, String name, AlertStatus status, Instant at, String url, Instant everFired) {
        }
        List<Row> rows = h.createQuery("""
                SELECT t.group_id, t.alert_key, t.name, t.status, t.at, t.url, a.first_fired_at
                FROM alert_transition t JOIN alert a ON a.group_id = t.group_id AND a.alert_key = t.alert_key
                WHERE t.incident = :i ORDER BY t.id""").bind("i", incident)
                .map((rs, ctx) -> new Row(rs.getLong("group_id") + "/" + rs.getString("alert_key"),
                        rs.getString("alert_key"), rs.getString("name"), AlertStatus.valueOf(rs.getString("status")),
                        instant(rs, "at"), rs.getString("url"), instant(rs, "first_fired_at"))).list();
        Map<String, StoredAlert> byAlert = new LinkedHashMap<>();
        for (Row r : rows) {
            StoredAlert was = byAlert.get(r.alert());
            Instant fired = was == null ? null : was.firstFiredAt();
            if (r.status() == AlertStatus.FIRING && (fired == null || r.at().isBefore(fired))) {
                fired = r.at();
            }
            byAlert.put(r.alert(), new StoredAlert(r.key(), r.name(), r.status(), fired,
                    r.status() == AlertStatus.RESOLVED ? r.at() : null, r.url() != null ? r.url()
                    : was == null ? null : was.url()));
        }
        // An alert that only resolved within the incident fired before it: its first firing at all.
        Map<String, Instant> everFired = new HashMap<>();
        rows.forEach(r -> everFired.putIfAbsent(r.alert(), r.everFired()));
        List<StoredAlert> alerts = new ArrayList<>();
        byAlert.forEach((k, a) -> alerts.add(a.firstFiredAt() != null ? a : new StoredAlert(a.key(), a.name(),
                a.status(), everFired.get(k), a.resolvedAt(), a.url())));
        alerts.sort(Comparator.comparing(StoredAlert::firstFiredAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(StoredAlert::key));
        return alerts;
    }

    @Override
    public List<StoredTransition> transitionsAfter(long groupId, long afterId, int limit) {
        return h.createQuery("""
                SELECT * FROM alert_transition WHERE group_id = :g AND id > :a ORDER BY id LIMIT :l""")
                .bind("g", groupId).bind("a", afterId).bind("l", limit).map(TRANSITION).list();
    }

    @Override
    public long countAfter(long groupId, long afterId) {
        return h.createQuery("SELECT COUNT(*) FROM alert_transition WHERE group_id = :g AND id > :a")
                .bind("g", groupId).bind("a", afterId).mapTo(Long.class).one();
    }

    @Override
    public long transitionCount(long groupId) {
        return countAfter(groupId, 0);
    }

    @Override
    public Set<Long> declaredByAlerts(Collection<Long> incidents) {
        if (incidents.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(h.createQuery("SELECT DISTINCT incident FROM alert_transition WHERE incident IN (<ids>)")
                .bindList("ids", List.copyOf(incidents)).mapTo(Long.class).list());
    }

    @Override
    public long declaredSince(String declarer, Instant since) {
        return h.createQuery("""
                SELECT COUNT(*) FROM incident i WHERE i.declared_by = :d AND i.declared_at >= :since
                AND EXISTS (SELECT 1 FROM alert_transition t WHERE t.incident = i.number)""")
                .bind("d", declarer).bind("since", micros(since)).mapTo(Long.class).one();
    }

    @Override
    public OptionalLong latestDeclared(String declarer) {
        return h.createQuery("""
                SELECT i.number FROM incident i WHERE i.declared_by = :d
                AND EXISTS (SELECT 1 FROM alert_transition t WHERE t.incident = i.number)
                ORDER BY i.declared_at DESC, i.number DESC LIMIT 1""")
                .bind("d", declarer).mapTo(Long.class).findFirst().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public long shownSince(Instant since) {
        return h.createQuery("SELECT COUNT(*) FROM alert_group WHERE shown_at >= :since").bind("since", micros(since))
                .mapTo(Long.class).one();
    }

    @Override
    public void shown(long groupId, Instant now) {
        h.createUpdate("""
                UPDATE alert_group SET shown_at = :now, digest_of = NULL, digest_at = NULL,
                  message_ts = CASE WHEN digest_of = id THEN NULL ELSE message_ts END WHERE id = :g""")
                .bind("now", micros(now)).bind("g", groupId).execute();
    }

    @Override
    public long joinDigest(long groupId, Instant now, Instant since) {
        long anchor = h.createQuery("""
                SELECT digest_of FROM alert_group WHERE digest_at >= :since AND id <> :g
                ORDER BY digest_at DESC, id DESC LIMIT 1""").bind("since", micros(since)).bind("g", groupId)
                .mapTo(Long.class).findFirst().orElse(groupId);
        h.createUpdate("UPDATE alert_group SET digest_of = :a, digest_at = :now WHERE id = :g").bind("a", anchor)
                .bind("now", micros(now)).bind("g", groupId).execute();
        if (anchor == groupId) {
            h.createUpdate("UPDATE alert_group SET message_ts = NULL WHERE id = :g").bind("g", groupId).execute();
        }
        return anchor;
    }

    @Override
    public List<DigestEntry> digest(long anchor, int limit) {
        return h.createQuery("""
                SELECT g.id, g.title, g.incident,
                  (SELECT COUNT(*) FROM alert a WHERE a.group_id = g.id AND a.status = :firing) AS firing,
                  (SELECT COUNT(*) FROM alert a WHERE a.group_id = g.id) AS alerts
                FROM alert_group g WHERE g.digest_of = :a ORDER BY g.digest_at, g.id LIMIT :l""")
                .bind("firing", AlertStatus.FIRING.name()).bind("a", anchor).bind("l", limit)
                .map((rs, ctx) -> {
                    long inc = rs.getLong("incident");
                    return new DigestEntry(rs.getLong("id"), rs.getString("title"), rs.wasNull() ? null : inc,
                            rs.getLong("firing"), rs.getLong("alerts"));
                }).list();
    }

    @Override
    public long digestSize(long anchor) {
        return h.createQuery("SELECT COUNT(*) FROM alert_group WHERE digest_of = :a").bind("a", anchor)
                .mapTo(Long.class).one();
    }
}
