package io.incidentbot.storage.jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;


/**
 * Row mapping of {@code timeline_entry}: the columns read, a row to a {@link TimelineEntry}, and the
 * {@code files} column (a JSON array of {@code {"name", "permalink"}} objects, or NULL for none).
 */
final class TimelineRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<TimelineEntry.SharedFile>> FILES = new TypeReference<>() { };

    /** The columns {@link #entry} reads, for {@code SELECT}, in the order it reads them. */
    static final String COLUMNS = "id, incident, kind, at, ts, thread_ts, user_id, text, edited_at, deleted, "
            + "pinned, key_reactions, files";

    private TimelineRows() {
    }

    /**
     * @return the entry of the current row; a key event when pinned or with a key-event reaction
     * @throws IllegalStateException when the files column is not JSON
     */
    static TimelineEntry entry(ResultSet rs) throws SQLException {
        // By position in COLUMNS, not by name: sqlite-jdbc looks a name up on every call, a fifth of the
        // time of streaming a long timeline into a postmortem draft.
        return new TimelineEntry(rs.getLong(1), rs.getLong(2), EntryKind.valueOf(rs.getString(3)),
                instant(rs, 4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), instant(rs, 9), rs.getBoolean(10),
                rs.getBoolean(11) || rs.getInt(12) > 0, files(rs.getString(13)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : SlackTs.fromMicros(v);
    }

    /** @return the JSON text to store for {@code files}, null for none */
    static String jsonOfFiles(List<TimelineEntry.SharedFile> files) {
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
