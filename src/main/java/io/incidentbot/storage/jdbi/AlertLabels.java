package io.incidentbot.storage.jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code alert.labels} column (migration V19): an alert's labels as a JSON object of strings,
 * sorted by name; NULL for alerts stored before V19.
 */
final class AlertLabels {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private AlertLabels() {
    }

    /** @return the JSON text to store, e.g. {@code {"alertname":"ReplLag","instance":"db-2"}} */
    static String write(Map<String, String> labels) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels are strings and always serialise", e);
        }
    }

    /** @return the labels of a stored column, empty for NULL or for text that is not a JSON object of strings */
    static Map<String, String> read(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
