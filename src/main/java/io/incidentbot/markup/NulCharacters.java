package io.incidentbot.markup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;

/**
 * Replaces the NUL character ({@code U+0000}) in text from outside: valid in JSON (as {@code \u0000}) and
 * in SQLite, but refused by PostgreSQL in {@code text} columns ({@code invalid byte sequence for encoding
 * "UTF8": 0x00}), which made an Alertmanager notification holding one fail with 503 on every retry. Applied
 * where text enters (webhook bodies, Slack events, the database migration), on both databases alike, so a
 * stored row reads the same wherever it was stored.
 */
public final class NulCharacters {
    /** What a NUL becomes: the Unicode replacement character, so the reader sees something was there. */
    public static final char REPLACEMENT = '\uFFFD';

    private NulCharacters() {
    }

    /** @return {@code text} with every NUL replaced by {@link #REPLACEMENT}; null for null */
    public static String replace(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', REPLACEMENT);
    }

    /**
     * @param node a parsed JSON value, e.g. a webhook body or an Events API envelope
     * @return the same value with every NUL in its strings and field names replaced: {@code node} itself
     *         when it holds none (the usual case), else a copy
     */
    public static JsonNode replace(JsonNode node) {
        return holdsNul(node) ? copy(node) : node;
    }

    private static boolean holdsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().indexOf('\0') >= 0 || holdsNul(e.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (holdsNul(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode copy(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(replace(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(replace(e.getKey()), copy(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(copy(item)));
            return out;
        }
        return node;
    }
}
