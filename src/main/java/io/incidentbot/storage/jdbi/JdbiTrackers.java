package io.incidentbot.storage.jdbi;

import io.incidentbot.store.TrackerRepository;
import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.FollowUpState;
import io.incidentbot.trackers.FollowUpStateChange;
import io.incidentbot.trackers.TrackerLink;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.incidentbot.storage.jdbi.Rows.instant;
import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link TrackerRepository} on {@code follow_up}, {@code follow_up_export} and {@code tracker_delivery}. */
public final class JdbiTrackers implements TrackerRepository {
    private static final String SELECT = """
            SELECT f.*, e.provider, e.status AS export_status, e.issue_key, e.issue_url, e.error AS export_error
            FROM follow_up f LEFT JOIN follow_up_export e ON e.follow_up = f.id""";
    private static final RowMapper<FollowUpRecord> ROW = (rs, ctx) -> {
        String provider = rs.getString("provider");
        TrackerLink link = provider == null ? null : new TrackerLink(provider,
                TrackerLink.Status.valueOf(rs.getString("export_status").toUpperCase(Locale.ROOT)), rs.getString("issue_key"),
                rs.getString("issue_url"), rs.getString("export_error"));
        String due = rs.getString("due_date");
        int priority = rs.getInt("priority");
        Integer p = rs.wasNull() ? null : priority;
        return new FollowUpRecord(rs.getLong("id"), rs.getLong("incident"), rs.getString("text"), rs.getString("owner_id"),
                rs.getString("created_by"), instant(rs, "created_at"), due == null ? null : LocalDate.parse(due), p,
                FollowUpState.of(rs.getString("state")), instant(rs, "closed_at"), rs.getString("closed_by"),
                rs.getString("state_source"), link);
    };

    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiTrackers(Handle h) {
        this.h = h;
    }

    @Override
    public Optional<FollowUpRecord> find(long followUp) {
        return h.createQuery(SELECT + " WHERE f.id = :id").bind("id", followUp).map(ROW).findOne();
    }

    @Override
    public List<FollowUpRecord> list(long incident) {
        return h.createQuery(SELECT + " WHERE f.incident = :i ORDER BY f.id").bind("i", incident).map(ROW).list();
    }

    @Override
    public List<FollowUpRecord> open(int limit) {
        return h.createQuery(SELECT + """
                 WHERE f.state = 'open'
                ORDER BY CASE WHEN f.due_date IS NULL THEN 1 ELSE 0 END, f.due_date, f.id LIMIT :limit""")
                .bind("limit", limit).map(ROW).list();
    }

    @Override
    public List<FollowUpRecord> openOwnedBy(String owner) {
        return h.createQuery(SELECT + """
                 WHERE f.owner_id = :o AND f.state = 'open'
                ORDER BY CASE WHEN f.due_date IS NULL THEN 1 ELSE 0 END, f.due_date, f.id""")
                .bind("o", owner).map(ROW).list();
    }

    @Override
    public List<FollowUpRecord> dueForReminder(LocalDate today, Instant remindBefore, int limit) {
        return h.createQuery(SELECT + """
                 WHERE f.state = 'open' AND f.owner_id IS NOT NULL AND f.due_date < :today
                   AND (f.reminded_at IS NULL OR f.reminded_at <= :before)
                ORDER BY f.due_date, f.id LIMIT :limit""")
                .bind("today", today.toString()).bind("before", micros(remindBefore)).bind("limit", limit).map(ROW).list();
    }

    @Override
    public boolean reminded(long followUp, Instant remindBefore, Instant at) {
        return h.createUpdate("""
                UPDATE follow_up SET reminded_at = :at
                WHERE id = :id AND (reminded_at IS NULL OR reminded_at <= :before)""")
                .bind("at", micros(at)).bind("id", followUp).bind("before", micros(remindBefore)).execute() == 1;
    }

    @Override
    public void plan(long followUp, LocalDate due, Integer priority) {
        if (priority != null && (priority < 1 || priority > 3)) {
            throw new IllegalArgumentException("priority must be 1..3, got " + priority);
        }
        h.createUpdate("UPDATE follow_up SET due_date = :d, priority = :p WHERE id = :id")
                .bind("d", due == null ? null : due.toString()).bind("p", priority).bind("id", followUp).execute();
    }

    @Override
    public boolean changeState(long followUp, FollowUpState state, String by, Instant at, String source) {
        boolean closing = state.closed();
        // a tracker's event older than the last change made in Slack is stale (a close delivered after a reopen)
        String fresh = "tracker".equals(source)
                ? " AND NOT (state_source = 'slack' AND state_at IS NOT NULL AND state_at > :at)" : "";
        boolean changed = h.createUpdate("""
                UPDATE follow_up SET state = :s, closed_at = :closedAt, closed_by = :closedBy, state_source = :src,
                       state_at = :at
                WHERE id = :id AND state <> :s""" + fresh)
                .bind("s", state.word()).bind("closedAt", closing ? micros(at) : null).bind("closedBy", closing ? by : null)
                .bind("src", source).bind("at", micros(at)).bind("id", followUp).execute() == 1;
        if (changed) {
            h.createUpdate("""
                    INSERT INTO follow_up_state_change (follow_up, state, changed_by, changed_at, source)
                    VALUES (:id, :s, :by, :at, :src)""")
                    .bind("id", followUp).bind("s", state.word()).bind("by", by).bind("at", micros(at)).bind("src", source)
                    .execute();
        }
        return changed;
    }

    @Override
    public List<FollowUpStateChange> history(long followUp) {
        return h.createQuery("""
                SELECT state, changed_by, changed_at, source FROM follow_up_state_change
                WHERE follow_up = :id ORDER BY changed_at, state""").bind("id", followUp)
                .map((rs, ctx) -> new FollowUpStateChange(FollowUpState.of(rs.getString("state")), rs.getString("changed_by"),
                        instant(rs, "changed_at"), rs.getString("source"))).list();
    }

    @Override
    public boolean claimExport(long followUp, String provider, String by, Instant at) {
        return h.createUpdate("""
                INSERT INTO follow_up_export (follow_up, provider, status, requested_by, requested_at, updated_at)
                VALUES (:f, :p, 'pending', :by, :at, :at) ON CONFLICT DO NOTHING""")
                .bind("f", followUp).bind("p", provider).bind("by", by).bind("at", micros(at)).execute() == 1;
    }

    @Override
    public boolean exported(long followUp, String key, String url, Instant at) {
        return h.createUpdate("""
                UPDATE follow_up_export SET status = 'created', issue_key = :k, issue_url = :u, error = NULL, updated_at = :at
                WHERE follow_up = :f AND status = 'pending'""")
                .bind("k", key).bind("u", url).bind("at", micros(at)).bind("f", followUp).execute() == 1;
    }

    @Override
    public boolean exportFailed(long followUp, String error, Instant at) {
        return h.createUpdate("""
                UPDATE follow_up_export SET status = 'failed', error = :e, updated_at = :at
                WHERE follow_up = :f AND status = 'pending'""")
                .bind("e", error).bind("at", micros(at)).bind("f", followUp).execute() == 1;
    }

    @Override
    public void createAttempted(long followUp, Instant at) {
        h.createUpdate("UPDATE follow_up_export SET create_attempted_at = :at WHERE follow_up = :f")
                .bind("at", micros(at)).bind("f", followUp).execute();
    }

    @Override
    public Optional<Instant> createAttemptedAt(long followUp) {
        return h.createQuery("SELECT create_attempted_at FROM follow_up_export WHERE follow_up = :f")
                .bind("f", followUp).map((rs, ctx) -> instant(rs, "create_attempted_at")).findOne()
                .flatMap(Optional::ofNullable);
    }

    @Override
    public boolean retryExport(long followUp, String by, Instant at) {
        return h.createUpdate("""
                UPDATE follow_up_export SET status = 'pending', error = NULL, requested_by = :by, updated_at = :at
                WHERE follow_up = :f AND status = 'failed'""")
                .bind("by", by).bind("at", micros(at)).bind("f", followUp).execute() == 1;
    }

    @Override
    public Optional<FollowUpRecord> byIssue(String provider, String key) {
        return h.createQuery(SELECT + " WHERE e.provider = :p AND e.issue_key = :k").bind("p", provider).bind("k", key)
                .map(ROW).findOne();
    }

    @Override
    public boolean firstDelivery(String provider, String delivery, Instant at) {
        return h.createUpdate("""
                INSERT INTO tracker_delivery (provider, delivery, received_at) VALUES (:p, :d, :at) ON CONFLICT DO NOTHING""")
                .bind("p", provider).bind("d", delivery).bind("at", micros(at)).execute() == 1;
    }

    @Override
    public java.util.Set<String> alertGroupKeys(long incident) {
        return new java.util.TreeSet<>(h.createQuery("""
                SELECT g.group_key FROM alert_transition t JOIN alert_group g ON g.id = t.group_id WHERE t.incident = :i
                UNION SELECT group_key FROM alert_group WHERE incident = :i""")
                .bind("i", incident).mapTo(String.class).list());
    }
}
