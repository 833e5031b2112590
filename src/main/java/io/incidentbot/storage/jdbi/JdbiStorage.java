package io.incidentbot.storage.jdbi;

import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.incidentbot.incident.FollowUp;
import io.incidentbot.store.FollowUpRepository;
import io.incidentbot.incident.Incident;
import io.incidentbot.store.IncidentRepository;
import io.incidentbot.incident.Participant;
import io.incidentbot.store.ParticipantRepository;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.store.UserNameRepository;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.store.OutboxRepository;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.store.EventLog;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;
import io.incidentbot.store.TimelineRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link Storage} on JDBI over a JDBC data source (SQLite). Every statement binds its values as
 * parameters; times are stored as epoch microseconds.
 */
public final class JdbiStorage implements Storage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<TimelineEntry.SharedFile>> FILES = new TypeReference<>() { };

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final java.util.concurrent.locks.ReentrantLock writeLock = new java.util.concurrent.locks.ReentrantLock();

    /** @param dataSource a migrated data source; closed by {@link #close()} */
    public JdbiStorage(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    @Override
    public <T> T transaction(Work<T> work) {
        // SQLite has one writer at a time and every transaction here starts IMMEDIATE (takes the write
        // lock). Queueing on a Java lock beats SQLite's busy handler, which polls with sleeps of up to
        // 100 ms and makes ack latency jump under load. The lock is not fair: a fair lock's hand-offs
        // cost more (bench scenario 2 p99 went from 8 ms unfair to 68 ms fair).
        writeLock.lock();
        try {
            return jdbi.inTransaction(handle -> work.run(new HandleRepositories(handle)));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static Long micros(Instant at) {
        return at == null ? null : SlackTs.micros(at);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : SlackTs.fromMicros(v);
    }

    private record HandleRepositories(Handle h) implements Repositories {
        @Override
        public IncidentRepository incidents() {
            return new Incidents(h);
        }

        @Override
        public TimelineRepository timeline() {
            return new Timeline(h);
        }

        @Override
        public FollowUpRepository followUps() {
            return new FollowUps(h);
        }

        @Override
        public ParticipantRepository participants() {
            return new Participants(h);
        }

        @Override
        public OutboxRepository outbox() {
            return new Outbox(h);
        }

        @Override
        public EventLog events() {
            return new Events(h);
        }

        @Override
        public UserNameRepository userNames() {
            return new UserNames(h);
        }
    }

    private record Incidents(Handle h) implements IncidentRepository {
        @Override
        public Incident create(String title, Severity severity, boolean privateIncident, String summary,
                               String declaredBy, Instant declaredAt) {
            long number = h.createUpdate("""
                    INSERT INTO incident (title, severity, status, is_private, summary, declared_by, declared_at)
                    VALUES (:title, :severity, :status, :private, :summary, :by, :at)""")
                    .bind("title", title).bind("severity", severity.name())
                    .bind("status", Status.INVESTIGATING.name()).bind("private", privateIncident)
                    .bind("summary", summary).bind("by", declaredBy).bind("at", micros(declaredAt))
                    .executeAndReturnGeneratedKeys("number").mapTo(Long.class).one();
            return find(number).orElseThrow();
        }

        @Override
        public Optional<Incident> find(long number) {
            return one(h.createQuery("SELECT * FROM incident WHERE number = :n").bind("n", number));
        }

        @Override
        public Optional<Incident> findByChannel(String channelId) {
            return one(h.createQuery("SELECT * FROM incident WHERE channel_id = :c").bind("c", channelId));
        }

        @Override
        public Optional<Long> numberOfChannel(String channelId) {
            return h.createQuery("SELECT number FROM incident WHERE channel_id = :c").bind("c", channelId)
                    .mapTo(Long.class).findFirst();
        }

        @Override
        public List<Incident> listOpen() {
            return many(h.createQuery("SELECT * FROM incident WHERE status <> 'RESOLVED' ORDER BY number DESC"));
        }

        @Override
        public List<Incident> listAll() {
            return many(h.createQuery("SELECT * FROM incident ORDER BY number"));
        }

        private Optional<Incident> one(Query q) {
            List<Incident> all = many(q);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        }

        private List<Incident> many(Query q) {
            List<Incident> rows = q.map((rs, ctx) -> new Incident(
                    rs.getLong("number"), rs.getString("title"), Severity.valueOf(rs.getString("severity")),
                    Status.valueOf(rs.getString("status")), rs.getBoolean("is_private"), rs.getString("summary"),
                    rs.getString("channel_id"), rs.getString("channel_name"), rs.getString("header_ts"),
                    rs.getString("declared_by"), instant(rs, "declared_at"), instant(rs, "identified_at"),
                    instant(rs, "mitigated_at"), instant(rs, "resolved_at"), rs.getString("resolution_summary"),
                    Map.of())).list();
            List<Incident> out = new ArrayList<>(rows.size());
            for (Incident i : rows) {
                Map<Role, String> roles = new EnumMap<>(Role.class);
                h.createQuery("SELECT role, user_id FROM incident_role WHERE incident = :n").bind("n", i.number())
                        .map((rs, ctx) -> Map.entry(Role.valueOf(rs.getString("role")), rs.getString("user_id")))
                        .forEach(e -> roles.put(e.getKey(), e.getValue()));
                out.add(new Incident(i.number(), i.title(), i.severity(), i.status(), i.privateIncident(), i.summary(),
                        i.channelId(), i.channelName(), i.headerTs(), i.declaredBy(), i.declaredAt(), i.identifiedAt(),
                        i.mitigatedAt(), i.resolvedAt(), i.resolutionSummary(), roles));
            }
            return out;
        }

        @Override
        public void setChannel(long number, String channelId, String channelName) {
            h.createUpdate("UPDATE incident SET channel_id = :c, channel_name = :name WHERE number = :n")
                    .bind("c", channelId).bind("name", channelName).bind("n", number).execute();
        }

        @Override
        public void setHeaderTs(long number, String headerTs) {
            h.createUpdate("UPDATE incident SET header_ts = :ts WHERE number = :n")
                    .bind("ts", headerTs).bind("n", number).execute();
        }

        @Override
        public void setSeverity(long number, Severity severity) {
            h.createUpdate("UPDATE incident SET severity = :s WHERE number = :n")
                    .bind("s", severity.name()).bind("n", number).execute();
        }

        @Override
        public void setStatus(long number, Status status, Instant identifiedAt, Instant mitigatedAt, Instant resolvedAt) {
            h.createUpdate("""
                    UPDATE incident SET status = :s, identified_at = :i, mitigated_at = :m, resolved_at = :r
                    WHERE number = :n""")
                    .bind("s", status.name()).bind("i", micros(identifiedAt)).bind("m", micros(mitigatedAt))
                    .bind("r", micros(resolvedAt)).bind("n", number).execute();
        }

        @Override
        public void setResolutionSummary(long number, String summary) {
            h.createUpdate("UPDATE incident SET resolution_summary = :s WHERE number = :n")
                    .bind("s", summary).bind("n", number).execute();
        }

        @Override
        public void setRole(long number, Role role, String userId, Instant at) {
            h.createUpdate("""
                    INSERT INTO incident_role (incident, role, user_id, assigned_at) VALUES (:n, :r, :u, :at)
                    ON CONFLICT (incident, role) DO UPDATE SET user_id = excluded.user_id, assigned_at = excluded.assigned_at""")
                    .bind("n", number).bind("r", role.name()).bind("u", userId).bind("at", micros(at)).execute();
        }
    }

    private record Timeline(Handle h) implements TimelineRepository {
        private static final String COLUMNS = "id, incident, kind, at, ts, thread_ts, user_id, text, edited_at, deleted, "
                + "pinned, key_reactions, files";

        @Override
        public TimelineEntry add(TimelineEntry e) {
            long id = h.createUpdate("""
                    INSERT INTO timeline_entry (incident, kind, at, ts, thread_ts, user_id, text, edited_at, deleted, pinned, files)
                    VALUES (:incident, :kind, :at, :ts, :threadTs, :user, :text, :editedAt, :deleted, :pinned, :files)""")
                    .bind("incident", e.incident()).bind("kind", e.kind().name()).bind("at", micros(e.at()))
                    .bind("ts", e.ts()).bind("threadTs", e.threadTs()).bind("user", e.userId()).bind("text", e.text())
                    .bind("editedAt", micros(e.editedAt())).bind("deleted", e.deleted()).bind("pinned", e.keyEvent())
                    .bind("files", filesJson(e.files()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new TimelineEntry(id, e.incident(), e.kind(), e.at(), e.ts(), e.threadTs(), e.userId(), e.text(),
                    e.editedAt(), e.deleted(), e.keyEvent(), e.files());
        }

        @Override
        public Optional<TimelineEntry> addMessageIfAbsent(TimelineEntry e) {
            // One statement: the unique (incident, ts) index turns a second copy into a no-op.
            Optional<Long> id = h.createUpdate("""
                    INSERT INTO timeline_entry (incident, kind, at, ts, thread_ts, user_id, text, edited_at, deleted, pinned, files)
                    VALUES (:incident, :kind, :at, :ts, :threadTs, :user, :text, :editedAt, :deleted, :pinned, :files)
                    ON CONFLICT DO NOTHING""")
                    .bind("incident", e.incident()).bind("kind", e.kind().name()).bind("at", micros(e.at()))
                    .bind("ts", e.ts()).bind("threadTs", e.threadTs()).bind("user", e.userId()).bind("text", e.text())
                    .bind("editedAt", micros(e.editedAt())).bind("deleted", e.deleted()).bind("pinned", e.keyEvent())
                    .bind("files", filesJson(e.files()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).findFirst();
            return id.map(i -> new TimelineEntry(i, e.incident(), e.kind(), e.at(), e.ts(), e.threadTs(), e.userId(),
                    e.text(), e.editedAt(), e.deleted(), e.keyEvent(), e.files()));
        }

        @Override
        public Optional<TimelineEntry> findMessage(long incident, String ts) {
            return h.createQuery("SELECT " + COLUMNS + " FROM timeline_entry WHERE incident = :i AND ts = :ts")
                    .bind("i", incident).bind("ts", ts).map((rs, ctx) -> entry(rs)).findFirst();
        }

        @Override
        public void editMessage(long entryId, String text, Instant editedAt) {
            h.createUpdate("UPDATE timeline_entry SET text = :t, edited_at = :e WHERE id = :id")
                    .bind("t", text).bind("e", micros(editedAt)).bind("id", entryId).execute();
        }

        @Override
        public void markDeleted(long entryId) {
            h.createUpdate("UPDATE timeline_entry SET deleted = 1 WHERE id = :id").bind("id", entryId).execute();
        }

        @Override
        public void setKeyMark(long entryId, String source, boolean on, Instant at) {
            h.createUpdate("""
                    INSERT INTO key_mark (entry_id, source, present, at) VALUES (:e, :s, :p, :at)
                    ON CONFLICT (entry_id, source) DO UPDATE SET present = excluded.present, at = excluded.at
                    WHERE excluded.at > key_mark.at OR (excluded.at = key_mark.at AND excluded.present < key_mark.present)""")
                    .bind("e", entryId).bind("s", source).bind("p", on).bind("at", micros(at)).execute();
            h.createUpdate("""
                    UPDATE timeline_entry SET
                      pinned = COALESCE((SELECT present FROM key_mark WHERE entry_id = :e AND source = :pin), 0),
                      key_reactions = (SELECT COUNT(*) FROM key_mark WHERE entry_id = :e AND source <> :pin AND present = 1)
                    WHERE id = :e""")
                    .bind("e", entryId).bind("pin", PIN).execute();
        }

        @Override
        public List<TimelineEntry> list(long incident) {
            List<TimelineEntry> all = new ArrayList<>();
            forEach(incident, all::add);
            return all;
        }

        @Override
        public void forEach(long incident, Consumer<TimelineEntry> sink) {
            try (var stream = h.createQuery("SELECT " + COLUMNS + " FROM timeline_entry WHERE incident = :i ORDER BY at, id")
                    .bind("i", incident).setFetchSize(500).map((rs, ctx) -> entry(rs)).stream()) {
                stream.forEach(sink);
            }
        }

        @Override
        public List<TimelineEntry> latest(long incident, int limit) {
            List<TimelineEntry> rows = new ArrayList<>(h.createQuery("SELECT " + COLUMNS
                            + " FROM timeline_entry WHERE incident = :i AND deleted = 0 ORDER BY at DESC, id DESC LIMIT :l")
                    .bind("i", incident).bind("l", limit).map((rs, ctx) -> entry(rs)).list());
            java.util.Collections.reverse(rows);
            return rows;
        }

        @Override
        public Optional<String> newestMessageTs(long incident) {
            return h.createQuery("SELECT ts FROM timeline_entry WHERE incident = :i AND ts IS NOT NULL ORDER BY at DESC LIMIT 1")
                    .bind("i", incident).mapTo(String.class).findFirst();
        }

        private static TimelineEntry entry(ResultSet rs) throws SQLException {
            return new TimelineEntry(rs.getLong("id"), rs.getLong("incident"), EntryKind.valueOf(rs.getString("kind")),
                    instant(rs, "at"), rs.getString("ts"), rs.getString("thread_ts"), rs.getString("user_id"),
                    rs.getString("text"), instant(rs, "edited_at"), rs.getBoolean("deleted"),
                    rs.getBoolean("pinned") || rs.getInt("key_reactions") > 0, files(rs.getString("files")));
        }

        private static String filesJson(List<TimelineEntry.SharedFile> files) {
            if (files.isEmpty()) {
                return null;
            }
            try {
                return JSON.writeValueAsString(files);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static List<TimelineEntry.SharedFile> files(String json) {
            if (json == null) {
                return List.of();
            }
            try {
                return JSON.readValue(json, FILES);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored files column is not JSON", e);
            }
        }
    }

    private record FollowUps(Handle h) implements FollowUpRepository {
        @Override
        public FollowUp add(long incident, String text, String ownerId, String createdBy, Instant createdAt) {
            long id = h.createUpdate("""
                    INSERT INTO follow_up (incident, text, owner_id, created_by, created_at) VALUES (:i, :t, :o, :b, :at)""")
                    .bind("i", incident).bind("t", text).bind("o", ownerId).bind("b", createdBy)
                    .bind("at", micros(createdAt)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new FollowUp(id, incident, text, ownerId, createdBy, createdAt);
        }

        @Override
        public List<FollowUp> list(long incident) {
            return h.createQuery("SELECT * FROM follow_up WHERE incident = :i ORDER BY id").bind("i", incident)
                    .map((rs, ctx) -> new FollowUp(rs.getLong("id"), rs.getLong("incident"), rs.getString("text"),
                            rs.getString("owner_id"), rs.getString("created_by"), instant(rs, "created_at"))).list();
        }
    }

    private record Participants(Handle h) implements ParticipantRepository {
        @Override
        public void add(long incident, String userId, Instant joinedAt) {
            h.createUpdate("""
                    INSERT INTO participant (incident, user_id, joined_at) VALUES (:i, :u, :at)
                    ON CONFLICT (incident, user_id) DO UPDATE SET joined_at = MIN(joined_at, excluded.joined_at)""")
                    .bind("i", incident).bind("u", userId).bind("at", micros(joinedAt)).execute();
        }

        @Override
        public List<Participant> list(long incident) {
            return h.createQuery("SELECT * FROM participant WHERE incident = :i ORDER BY joined_at, user_id")
                    .bind("i", incident)
                    .map((rs, ctx) -> new Participant(rs.getLong("incident"), rs.getString("user_id"),
                            instant(rs, "joined_at"))).list();
        }
    }

    private record Events(Handle h) implements EventLog {
        @Override
        public boolean markProcessed(String eventId, Instant receivedAt) {
            return h.createUpdate("INSERT INTO processed_event (event_id, received_at) VALUES (:e, :at) ON CONFLICT DO NOTHING")
                    .bind("e", eventId).bind("at", micros(receivedAt)).execute() == 1;
        }

        @Override
        public void addPending(PendingChange c) {
            h.createUpdate("INSERT INTO pending_change (channel_id, ts, type, text, at) VALUES (:c, :ts, :type, :text, :at)")
                    .bind("c", c.channelId()).bind("ts", c.ts()).bind("type", c.type()).bind("text", c.text())
                    .bind("at", micros(c.at())).execute();
        }

        @Override
        public List<PendingChange> takePending(String channelId, String ts) {
            List<PendingChange> changes = h.createQuery(
                            "SELECT * FROM pending_change WHERE channel_id = :c AND ts = :ts ORDER BY at, id")
                    .bind("c", channelId).bind("ts", ts)
                    .map((rs, ctx) -> new PendingChange(rs.getString("channel_id"), rs.getString("ts"),
                            rs.getString("type"), rs.getString("text"), instant(rs, "at"))).list();
            if (!changes.isEmpty()) {
                h.createUpdate("DELETE FROM pending_change WHERE channel_id = :c AND ts = :ts")
                        .bind("c", channelId).bind("ts", ts).execute();
            }
            return changes;
        }
    }

    private record Outbox(Handle h) implements OutboxRepository {
        @Override
        public long enqueue(long incident, OutboxJob.Kind kind, String payload, Instant at) {
            return h.createUpdate("""
                    INSERT INTO outbox (incident, kind, payload, next_attempt_at, created_at) VALUES (:i, :k, :p, :at, :at)""")
                    .bind("i", incident).bind("k", kind.name()).bind("p", payload).bind("at", micros(at))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        }

        @Override
        public List<OutboxJob> dueHeads(Instant now, int limit) {
            return h.createQuery("""
                    SELECT o.* FROM outbox o
                    JOIN (SELECT incident, MIN(id) AS id FROM outbox WHERE state = 'pending' GROUP BY incident) head
                      ON head.id = o.id
                    WHERE o.next_attempt_at <= :now ORDER BY o.next_attempt_at, o.id LIMIT :l""")
                    .bind("now", micros(now)).bind("l", limit)
                    .map((rs, ctx) -> new OutboxJob(rs.getLong("id"), rs.getLong("incident"),
                            OutboxJob.Kind.valueOf(rs.getString("kind")), rs.getString("payload"), rs.getInt("attempts"),
                            instant(rs, "next_attempt_at"), instant(rs, "created_at"))).list();
        }

        @Override
        public void startAttempt(long id) {
            h.createUpdate("UPDATE outbox SET attempts = attempts + 1 WHERE id = :id").bind("id", id).execute();
        }

        @Override
        public void markDone(long id, Instant at) {
            h.createUpdate("UPDATE outbox SET state = 'done', finished_at = :at WHERE id = :id")
                    .bind("at", micros(at)).bind("id", id).execute();
        }

        @Override
        public void retryAt(long id, Instant next, String error) {
            h.createUpdate("UPDATE outbox SET next_attempt_at = :n, last_error = :e WHERE id = :id")
                    .bind("n", micros(next)).bind("e", error).bind("id", id).execute();
        }

        @Override
        public void markFailed(long id, Instant at, String error) {
            h.createUpdate("""
                    UPDATE outbox SET state = 'failed', finished_at = :at, last_error = :e
                    WHERE id = :id""").bind("at", micros(at)).bind("e", error).bind("id", id).execute();
        }

        @Override
        public List<FailedJob> failed(int limit) {
            return failedRows(h.createQuery(
                    "SELECT * FROM outbox WHERE state = 'failed' ORDER BY finished_at DESC LIMIT :l").bind("l", limit));
        }

        @Override
        public List<FailedJob> failed(long incident) {
            return failedRows(h.createQuery(
                    "SELECT * FROM outbox WHERE state = 'failed' AND incident = :i ORDER BY id").bind("i", incident));
        }

        private static List<FailedJob> failedRows(Query q) {
            return q.map((rs, ctx) -> new FailedJob(rs.getLong("id"), rs.getLong("incident"),
                    OutboxJob.Kind.valueOf(rs.getString("kind")), rs.getString("last_error"),
                    instant(rs, "finished_at"))).list();
        }

        @Override
        public long pendingCount() {
            return h.createQuery("SELECT COUNT(*) FROM outbox WHERE state = 'pending'").mapTo(Long.class).one();
        }
    }

    private record UserNames(Handle h) implements UserNameRepository {
        @Override
        public Optional<String> find(String userId) {
            return h.createQuery("SELECT display_name FROM slack_user WHERE user_id = :u").bind("u", userId)
                    .mapTo(String.class).findFirst();
        }

        @Override
        public Map<String, String> all() {
            Map<String, String> names = new LinkedHashMap<>();
            h.createQuery("SELECT user_id, display_name FROM slack_user ORDER BY user_id")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
            return names;
        }

        @Override
        public void put(String userId, String displayName, Instant fetchedAt) {
            h.createUpdate("""
                    INSERT INTO slack_user (user_id, display_name, fetched_at) VALUES (:u, :n, :at)
                    ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, fetched_at = excluded.fetched_at""")
                    .bind("u", userId).bind("n", displayName).bind("at", micros(fetchedAt)).execute();
        }
    }
}
