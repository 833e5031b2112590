package io.incidentbot.storage.jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static io.incidentbot.storage.jdbi.Rows.instant;

/**
 * Row mapping of {@code timeline_entry}: the columns read, a row to a {@link TimelineEntry}, and the
 * {@code files} column (a JSON array of {@code {"name", "permalink"}} objects, or NULL for none).
 */
final class TimelineRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<TimelineEntry.SharedFile>> FILES = new TypeReference<>() { };

    /** The columns {@link #entry} reads, for {@code SELECT}. */
    static final String COLUMNS = "id, incident, kind, at, ts, thread_ts, user_id, text, edited_at, deleted, "
            + "pinned, key_reactions, files";

    private TimelineRows() {
    }

    /**
     * @return the entry of the current row; a key event when pinned or with a key-event reaction
     * @throws IllegalStateException when the files column is not JSON
     */
    static TimelineEntry entry(ResultSet rs) throws SQLException {
        return new TimelineEntry(rs.getLong("id"), rs.getLong("incident"), EntryKind.valueOf(rs.getString("kind")),
                instant(rs, "at"), rs.getString("ts"), rs.getString("thread_ts"), rs.getString("user_id"),
                rs.getString("text"), instant(rs, "edited_at"), rs.getBoolean("deleted"),
                rs.getBoolean("pinned") || rs.getInt("key_reactions") > 0, files(rs.getString("files")));
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
