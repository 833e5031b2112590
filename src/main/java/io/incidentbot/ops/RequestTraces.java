package io.incidentbot.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links an HTTP request, timed by {@link OpsEndpoints}, to what Bolt learns about it (its kind:
 * command, event, interaction), through the request ID that {@link OpsEndpoints} adds as the
 * {@link #HEADER} request header, which Bolt hands to its middlewares with the other headers.
 */
public final class RequestTraces {
    /** The request header carrying the bot's own request ID into Bolt (set by the bot, never by the sender). */
    public static final String HEADER = "X-Incident-Bot-Request-Id";

    private final Map<String, String> kinds = new ConcurrentHashMap<>();

    void begin(String requestId) {
        kinds.put(requestId, Metrics.UNKNOWN);
    }

    /**
     * Records what kind of request this is, when the request is being timed here.
     *
     * @param requestId the {@link #HEADER} value
     * @param kind      {@code command}, {@code event}, {@code interaction} or {@code hook}
     * @return true when an HTTP request with this ID is being timed (Socket Mode requests are not)
     */
    public boolean kind(String requestId, String kind) {
        return requestId != null && kinds.replace(requestId, kind) != null;
    }

    String end(String requestId) {
        String kind = kinds.remove(requestId);
        return kind == null ? Metrics.UNKNOWN : kind;
    }
}
