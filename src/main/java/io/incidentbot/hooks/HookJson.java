package io.incidentbot.hooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.incidentbot.markup.NulCharacters;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads webhook bodies with Jackson's tree model and turns every failure into a one-line
 * {@link MalformedPayloadException}. Size is bounded by the HTTP layer; nesting is bounded here with
 * Jackson's {@link StreamReadConstraints} ({@value #MAX_NESTING_DEPTH} levels, far more than any of
 * the webhook formats uses).
 */
final class HookJson {
    /** Deepest nesting of arrays and objects accepted. GitHub's payloads go about 6 deep. */
    static final int MAX_NESTING_DEPTH = 64;

    /** Go's zero {@code time.Time}, which Alertmanager and Grafana send as {@code endsAt} of a firing alert. */
    static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    /** The earliest time a payload may carry: the epoch. Earlier times (but Go's zero time) are refused. */
    static final Instant EARLIEST = Instant.EPOCH;

    /**
     * The first time a payload may not carry: the year 10000. Later times used to be stored wrapped (a
     * {@code startsAt} of year +300000 was drafted as year 284556) or overflowed the microseconds the
     * database stores ({@code ArithmeticException}, 503).
     */
    static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private HookJson() {
    }

    /**
     * @param body the raw request body (UTF-8 JSON)
     * @return the top-level object, every NUL in its strings and field names replaced ({@link NulCharacters}:
     *         PostgreSQL cannot store one)
     * @throws MalformedPayloadException when the body is empty, not JSON, too deep, or not an object
     */
    static JsonNode readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedPayloadException("empty body: expected a JSON object");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new MalformedPayloadException("JSON nested deeper than " + MAX_NESTING_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("malformed JSON" + where(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MalformedPayloadException("unreadable body: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedPayloadException("empty body: expected a JSON object");
        }
        if (!root.isObject()) {
            throw new MalformedPayloadException("body: expected a JSON object, got " + kind(root));
        }
        return NulCharacters.replace(root);
    }

    /** @return the field's string, or throws naming {@code path} when absent, null, blank or not a string */
    static String requiredText(JsonNode obj, String field, String path) {
        String v = optionalText(obj, field, path);
        if (v == null || v.isBlank()) {
            throw new MalformedPayloadException(path(path, field) + ": expected a non-empty string" + got(obj.get(field)));
        }
        return v;
    }

    /** @return the field's string, null when absent, null or empty; throws when it is not a string */
    static String optionalText(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new MalformedPayloadException(path(path, field) + ": expected a string, got " + kind(v));
        }
        return v.asText().isEmpty() ? null : v.asText();
    }

    /** @return the field's object; throws when absent or not an object */
    static JsonNode requiredObject(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || !v.isObject()) {
            throw new MalformedPayloadException(path(path, field) + ": expected an object" + got(v));
        }
        return v;
    }

    /** @return the field's array; throws when absent or not an array */
    static JsonNode requiredArray(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || !v.isArray()) {
            throw new MalformedPayloadException(path(path, field) + ": expected an array" + got(v));
        }
        return v;
    }

    /** @return the field as a string-to-string map (empty when absent or null); throws on non-string values */
    static Map<String, String> stringMap(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw new MalformedPayloadException(path(path, field) + ": expected an object of strings, got " + kind(v));
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isTextual()) {
                throw new MalformedPayloadException(path(path, field) + "." + e.getKey() + ": expected a string, got " + kind(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** @return the field as a non-negative whole number, {@code absent} when missing or null */
    static long optionalCount(JsonNode obj, String field, String path, long absent) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new MalformedPayloadException(path(path, field) + ": expected a whole number >= 0, got " + kind(v));
        }
        return v.asLong();
    }

    /**
     * Reads an RFC 3339 time ({@code 2021-10-12T09:51:03.157076+02:00}, {@code 2023-02-06T13:08:45.828Z}).
     *
     * @return the instant; null when absent, null, or Go's zero time {@code 0001-01-01T00:00:00Z}
     * @throws MalformedPayloadException naming the field when it is not such a time, or is outside the years
     *                                   1970 to 9999 ({@link #EARLIEST}, {@link #LATEST})
     */
    static Instant optionalTime(JsonNode obj, String field, String path) {
        String text = optionalText(obj, field, path);
        if (text == null) {
            return null;
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedPayloadException(path(path, field) + ": expected an RFC 3339 time like 2026-11-27T14:02:00Z, got " + quote(text));
        }
        if (t.equals(GO_ZERO_TIME)) {
            return null;
        }
        if (t.isBefore(EARLIEST) || !t.isBefore(LATEST)) {
            throw new MalformedPayloadException(path(path, field) + ": expected a time in the years 1970 to 9999, got "
                    + quote(text));
        }
        return t;
    }

    /** @return the time, or throws when absent (Go's zero time counts as absent) */
    static Instant requiredTime(JsonNode obj, String field, String path) {
        Instant t = optionalTime(obj, field, path);
        if (t == null) {
            throw new MalformedPayloadException(path(path, field) + ": expected an RFC 3339 time" + got(obj.get(field)));
        }
        return t;
    }

    static String path(String parent, String field) {
        return parent == null || parent.isEmpty() ? field : parent + "." + field;
    }

    static String quote(String text) {
        String t = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return '"' + t.replaceAll("[\\r\\n\\t]", " ") + '"';
    }

    private static String got(JsonNode v) {
        if (v == null) {
            return ", but it is missing";
        }
        return ", got " + kind(v);
    }

    static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isTextual()) {
            return "the string " + quote(v.asText());
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        if (v.isNull()) {
            return "null";
        }
        return v.isArray() ? "an array" : "an object";
    }

    private static String where(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " at line " + loc.getLineNr() + " column " + loc.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("unreadable").strip();
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
