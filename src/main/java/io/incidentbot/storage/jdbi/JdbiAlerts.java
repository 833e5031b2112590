package io.incidentbot.storage.jdbi;

import io.incidentbot.alerts.AlertSource;
import io.incidentbot.alerts.AlertStatus;
import io.incidentbot.alerts.Transition;
import io.incidentbot.store.AlertRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/**
 * {@link AlertRepository} on tables {@code alert_group}, {@code alert} and {@code alert_transition}
 * (migration V6), bound to the handle of one transaction. Portable SQL: {@code ON CONFLICT},
 * {@code RETURNING}, booleans bound from Java.
 */
public final class JdbiAlerts implements AlertRepository {
    private static final RowMapper<Group> GROUP = (rs, ctx) -> {
        long incident = rs.getLong("incident");
        Long inc = rs.wasNull() ? null : incident;
        return new Group(rs.getLong("id"), AlertSource.valueOf(rs.getString("source")), rs.getString("group_key"),
                rs.getString("title"), inc, rs.getString("message_ts"), rs.getBoolean("slack_pending"),
                instant(rs, "last_slack_at"), rs.getLong("posted_through"));
    };
    private static final RowMapper<StoredAlert> ALERT = (rs, ctx) -> new StoredAlert(rs.getString("alert_key"),
            rs.getString("name"), AlertStatus.valueOf(rs.getString("status")), instant(rs, "first_fired_at"),
            instant(rs, "resolved_at"), rs.getString("url"));

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
    public OptionalLong addTransition(long groupId, Transition t, Instant receivedAt) {
        var a = t.alert();
        String url = a.generatorUrl() != null ? a.generatorUrl() : a.dashboardUrl();
        Optional<Long> id = h.createQuery("""
                INSERT INTO alert_transition (group_id, alert_key, name, status, at, url, received_at)
                VALUES (:g, :k, :n, :s, :at, :u, :r) ON CONFLICT DO NOTHING RETURNING id""")
                .bind("g", groupId).bind("k", a.key()).bind("n", a.name()).bind("s", t.to().name())
                .bind("at", micros(t.at())).bind("u", url).bind("r", micros(receivedAt))
                .mapTo(Long.class).findFirst();
        if (id.isEmpty()) {
            return OptionalLong.empty();
        }
        boolean firing = t.to() == AlertStatus.FIRING;
        Instant fired = firing ? t.at() : a.startsAt();
        h.createUpdate("""
                INSERT INTO alert (group_id, alert_key, name, status, first_fired_at, resolved_at, url)
                VALUES (:g, :k, :n, :s, :f, :r, :u)
                ON CONFLICT (group_id, alert_key) DO UPDATE SET status = :s, name = :n,
                  first_fired_at = CASE WHEN alert.first_fired_at IS NULL OR alert.first_fired_at > :f
                                        THEN COALESCE(:f, alert.first_fired_at) ELSE alert.first_fired_at END,
                  resolved_at = :r, url = COALESCE(:u, alert.url)""")
                .bind("g", groupId).bind("k", a.key()).bind("n", a.name()).bind("s", t.to().name())
                .bind("f", micros(fired)).bind("r", firing ? null : micros(t.at())).bind("u", url).execute();
        return OptionalLong.of(id.get());
    }

    @Override
    public void linkIncident(long groupId, long incident) {
        h.createUpdate("UPDATE alert_group SET incident = :i WHERE id = :g").bind("i", incident).bind("g", groupId)
                .execute();
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
        return h.createQuery("""
                SELECT a.* FROM alert a JOIN alert_group g ON g.id = a.group_id
                WHERE g.incident = :i ORDER BY a.first_fired_at, a.alert_key""").bind("i", incident).map(ALERT).list();
    }

    @Override
    public List<StoredTransition> transitionsAfter(long groupId, long afterId, int limit) {
        return h.createQuery("""
                SELECT * FROM alert_transition WHERE group_id = :g AND id > :a ORDER BY id LIMIT :l""")
                .bind("g", groupId).bind("a", afterId).bind("l", limit)
                .map((rs, ctx) -> new StoredTransition(rs.getLong("id"), rs.getString("alert_key"),
                        rs.getString("name"), AlertStatus.valueOf(rs.getString("status")), instant(rs, "at"),
                        rs.getString("url"))).list();
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
        return new HashSet<>(h.createQuery("SELECT DISTINCT incident FROM alert_group WHERE incident IN (<ids>)")
                .bindList("ids", List.copyOf(incidents)).mapTo(Long.class).list());
    }
}
