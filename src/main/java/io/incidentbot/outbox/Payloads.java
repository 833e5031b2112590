package io.incidentbot.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Job payloads as JSON text (Jackson with the JSR-310 module; times as ISO-8601 text). Every payload
 * written carries a {@value #VERSION_FIELD} field ({@link #VERSION}); readers ignore fields they do not
 * know, and a field the payload lacks reads as its type's default ({@code 0}, {@code false}, {@code null}), so a
 * payload written by a newer or older release (a job queued before a rolling upgrade, before a field was added)
 * stays readable as long as its record's fields keep their names. Payloads written before versions existed have
 * no {@value #VERSION_FIELD} ({@link #version} reads 0).
 */
public final class Payloads {
    /** The name of the version field. */
    public static final String VERSION_FIELD = "v";
    /** The version this release writes. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
            // a primitive field added to a payload record reads as 0 / false in jobs the previous release queued
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Payloads() {
    }

    /** @return the mapper payloads are written and read with (for readers of older shapes) */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * @param record a Jackson-serialisable record (a JSON object)
     * @return its JSON object text with {@code "v":}{@value #VERSION} first
     * @throws IllegalArgumentException when it cannot be written or is not a JSON object
     */
    public static String write(Object record) {
        JsonNode tree = JSON.valueToTree(record);
        if (!(tree instanceof ObjectNode fields)) {
            throw new IllegalArgumentException("a payload must be a JSON object: " + record);
        }
        ObjectNode out = JSON.createObjectNode().put(VERSION_FIELD, VERSION);
        fields.fields().forEachRemaining(e -> {
            if (!e.getKey().equals(VERSION_FIELD)) {
                out.set(e.getKey(), e.getValue());
            }
        });
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + record, e);
        }
    }

    /**
     * @return the job's payload as a {@code type} record; fields it does not know are ignored
     * @throws UnreadablePayloadException when the text is no JSON object or not that record (the worker
     *                                    marks such a job failed)
     */
    public static <T> T read(OutboxJob job, Class<T> type) {
        return read(job, tree(job), type);
    }

    /**
     * @return {@code tree} (the job's payload, perhaps adjusted by a reader of an older shape) as a {@code type} record
     * @throws UnreadablePayloadException as {@link #read(OutboxJob, Class)}
     */
    public static <T> T read(OutboxJob job, JsonNode tree, Class<T> type) {
        try {
            T value = JSON.treeToValue(tree, type);
            if (value == null) {
                throw new UnreadablePayloadException(job, "empty");
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadablePayloadException(job, e instanceof JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage());
        }
    }

    /**
     * @return the job's payload as a JSON object tree
     * @throws UnreadablePayloadException when it is not a JSON object
     */
    public static ObjectNode tree(OutboxJob job) {
        try {
            JsonNode n = JSON.readTree(job.payload() == null ? "" : job.payload());
            if (n instanceof ObjectNode o) {
                return o;
            }
            throw new UnreadablePayloadException(job, "not a JSON object");
        } catch (JsonProcessingException e) {
            throw new UnreadablePayloadException(job, e.getOriginalMessage());
        }
    }

    /** @return the payload's {@value #VERSION_FIELD}, 0 when it has none (written before versions) */
    public static int version(JsonNode tree) {
        JsonNode v = tree.get(VERSION_FIELD);
        return v != null && v.canConvertToInt() ? v.asInt() : 0;
    }

    /** A stored payload this release cannot read. The message names the job, its type and the reason. */
    public static final class UnreadablePayloadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param reason why, e.g. Jackson's message */
        public UnreadablePayloadException(OutboxJob job, String reason) {
            super("unreadable payload of " + job.kind() + " job " + job.id() + ": " + reason);
        }
    }
}
