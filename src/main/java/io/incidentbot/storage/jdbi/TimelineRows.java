package io.incidentbot.storage.jdbi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


/**
 * Row mapping of {@code timeline_entry}: the columns read, a row to a {@link TimelineEntry}, and the
 * {@code files} column (a JSON array of {@code {"name", "permalink"}} objects, or NULL for none).
 *
 * <p>The files column is read and written with Jackson's streaming parser and generator, not an
 * {@code ObjectMapper}: a databind mapper for the {@link TimelineEntry.SharedFile} record costs about
 * 200 ms of class loading and introspection the first time, which was a third of the first postmortem
 * draft in a fresh JVM (the {@code postmortem} command).
 */
final class TimelineRows {
    private static final JsonFactory JSON = new JsonFactory();

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
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (TimelineEntry.SharedFile f : files) {
                g.writeStartObject();
                g.writeStringField("name", f.name());
                g.writeStringField("permalink", f.permalink());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * @param json the files column, may be null
     * @return its files (fields other than {@code name} and {@code permalink} are skipped)
     * @throws IllegalStateException when the column is not a JSON array of objects
     */
    private static List<TimelineEntry.SharedFile> files(String json) {
        if (json == null) {
            return List.of();
        }
        try (JsonParser p = JSON.createParser(json)) {
            List<TimelineEntry.SharedFile> files = new ArrayList<>();
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                throw new IOException("not a JSON array");
            }
            for (t = p.nextToken(); t == JsonToken.START_OBJECT; t = p.nextToken()) {
                String name = null;
                String permalink = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    String text = value == JsonToken.VALUE_NULL || !value.isScalarValue() ? null : p.getValueAsString();
                    p.skipChildren();
                    if (field.equals("name")) {
                        name = text;
                    } else if (field.equals("permalink")) {
                        permalink = text;
                    }
                }
                files.add(new TimelineEntry.SharedFile(name, permalink));
            }
            if (t != JsonToken.END_ARRAY || p.nextToken() != null) {
                throw new IOException("not a JSON array of objects");
            }
            return files;
        } catch (IOException e) {
            throw new IllegalStateException("stored files column is not JSON", e);
        }
    }
}
