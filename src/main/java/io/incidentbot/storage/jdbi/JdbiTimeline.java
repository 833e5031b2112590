package io.incidentbot.storage.jdbi;

import io.incidentbot.store.TimelineRepository;
import io.incidentbot.timeline.TimelineEntry;
import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static io.incidentbot.storage.jdbi.Rows.micros;
import static io.incidentbot.storage.jdbi.TimelineRows.COLUMNS;
import static io.incidentbot.storage.jdbi.TimelineRows.entry;

/**
 * {@link TimelineRepository} on tables {@code timeline_entry} and {@code key_mark}, bound to the
 * handle of one transaction. A message is unique per {@code (incident, ts)} (a partial unique index).
 * The insert, run for every message event, is plain JDBC through the transaction's {@link PreparedCache}.
 */
public final class JdbiTimeline implements TimelineRepository {
    private static final String INSERT = """
            INSERT INTO timeline_entry (incident, kind, at, ts, thread_ts, user_id, text, edited_at, deleted, pinned, files)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    // RETURNING, not JDBC generated keys: on a conflict sqlite-jdbc's generated keys report the
    // connection's previous insert (last_insert_rowid), as if a row had been stored.
    private static final String ADD = INSERT + " RETURNING id";
    /** One statement: the unique (incident, ts) index turns a second copy into a no-op. */
    private static final String ADD_IF_ABSENT = INSERT + " ON CONFLICT DO NOTHING RETURNING id";

    private final Handle h;
    private final PreparedCache prepared;

    /**
     * @param h        the handle of the caller's transaction
     * @param prepared that transaction's statements
     */
    JdbiTimeline(Handle h, PreparedCache prepared) {
        this.h = h;
        this.prepared = prepared;
    }

    @Override
    public TimelineEntry add(TimelineEntry e) {
        return insert(e, ADD).orElseThrow();
    }

    @Override
    public Optional<TimelineEntry> addMessageIfAbsent(TimelineEntry e) {
        return insert(e, ADD_IF_ABSENT);
    }

    private Optional<TimelineEntry> insert(TimelineEntry e, String sql) {
        try {
            PreparedStatement s = prepared.get(sql);
            s.setLong(1, e.incident());
            s.setString(2, e.kind().name());
            s.setLong(3, micros(e.at()));
            text(s, 4, e.ts());
            text(s, 5, e.threadTs());
            text(s, 6, e.userId());
            text(s, 7, e.text());
            if (e.editedAt() == null) {
                s.setNull(8, Types.BIGINT);
            } else {
                s.setLong(8, micros(e.editedAt()));
            }
            s.setBoolean(9, e.deleted());
            s.setBoolean(10, e.keyEvent());
            text(s, 11, TimelineRows.jsonOfFiles(e.files()));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TimelineEntry(rs.getLong(1), e.incident(), e.kind(), e.at(), e.ts(), e.threadTs(),
                        e.userId(), e.text(), e.editedAt(), e.deleted(), e.keyEvent(), e.files()));
            }
        } catch (SQLException x) {
            throw new StatementFailedException(sql, x);
        }
    }

    private static void text(PreparedStatement s, int i, String v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, v);
        }
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
        h.createUpdate("UPDATE timeline_entry SET deleted = TRUE WHERE id = :id").bind("id", entryId).execute();
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
                  pinned = COALESCE((SELECT present FROM key_mark WHERE entry_id = :e AND source = :pin), FALSE),
                  key_reactions = (SELECT COUNT(*) FROM key_mark WHERE entry_id = :e AND source <> :pin AND present = TRUE)
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
    public void forEachKeyEvent(long incident, Consumer<TimelineEntry> sink) {
        try (var stream = h.createQuery("SELECT " + COLUMNS + " FROM timeline_entry WHERE incident = :i AND deleted = FALSE"
                        + " AND (kind <> 'MESSAGE' OR pinned = TRUE OR key_reactions > 0) ORDER BY at, id")
                .bind("i", incident).setFetchSize(500).map((rs, ctx) -> entry(rs)).stream()) {
            stream.forEach(sink);
        }
    }

    @Override
    public Set<String> authors(long incident) {
        return new LinkedHashSet<>(h.createQuery("SELECT user_id FROM timeline_entry WHERE incident = :i AND deleted = FALSE"
                        + " AND user_id IS NOT NULL GROUP BY user_id ORDER BY MIN(at), MIN(id)")
                .bind("i", incident).mapTo(String.class).list());
    }

    @Override
    public void forEachMentioning(long incident, Consumer<TimelineEntry> sink) {
        try (var stream = h.createQuery("SELECT " + COLUMNS + " FROM timeline_entry WHERE incident = :i AND deleted = FALSE"
                        + " AND (text LIKE '%<@%' OR text LIKE '%@{%') ORDER BY at, id")
                .bind("i", incident).setFetchSize(500).map((rs, ctx) -> entry(rs)).stream()) {
            stream.forEach(sink);
        }
    }

    @Override
    public List<TimelineEntry> latest(long incident, int limit) {
        List<TimelineEntry> rows = new ArrayList<>(h.createQuery("SELECT " + COLUMNS
                        + " FROM timeline_entry WHERE incident = :i AND deleted = FALSE ORDER BY at DESC, id DESC LIMIT :l")
                .bind("i", incident).bind("l", limit).map((rs, ctx) -> entry(rs)).list());
        Collections.reverse(rows);
        return rows;
    }

    @Override
    public Optional<String> newestMessageTs(long incident) {
        return h.createQuery("SELECT ts FROM timeline_entry WHERE incident = :i AND ts IS NOT NULL ORDER BY at DESC LIMIT 1")
                .bind("i", incident).mapTo(String.class).findFirst();
    }

    @Override
    public Optional<TimelineEntry> lastOfKind(long incident, io.incidentbot.timeline.EntryKind kind) {
        return h.createQuery("SELECT " + COLUMNS + " FROM timeline_entry WHERE incident = :i AND kind = :k"
                        + " AND deleted = FALSE ORDER BY at DESC, id DESC LIMIT 1")
                .bind("i", incident).bind("k", kind.name()).map((rs, ctx) -> entry(rs)).findFirst();
    }

    @Override
    public void appendText(long entryId, String suffix) {
        h.createUpdate("UPDATE timeline_entry SET text = text || :s WHERE id = :id").bind("s", suffix).bind("id", entryId)
                .execute();
    }
}
