package io.incidentbot.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON objects built from key/value pairs. No longer used by the outbox (its payloads are the typed
 * {@link JobPayload} records, see {@link JobPayloads}); only {@code Bot}'s health report still builds
 * JSON with it, until that moves to Jackson in its own class. Delete this class then.
 *
 * @deprecated use Jackson with a record or an {@code ObjectNode}
 */
@Deprecated
public final class Payload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Payload() {
    }

    /**
     * @param keyValues alternating keys (String) and values (String, Number, Boolean, List or null; nulls are left out)
     * @return a JSON object text
     */
    public static String of(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * @param json a payload written by {@link #of}
     * @return its tree
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox payload is not JSON", e);
        }
    }
}
