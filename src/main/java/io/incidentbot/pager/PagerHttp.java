package io.incidentbot.pager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The one place pager HTTP answers are classified: 2xx done; 408, 429 and 5xx retry (honouring
 * {@code Retry-After}, RFC 9110 section 10.2.3: seconds or an HTTP date); a network failure retry; any other
 * status fail for good with the pager's own error text. Error texts never include the request URL (GoAlert's
 * carries its token) nor a header.
 */
final class PagerHttp {
    /** Longest error text kept, in characters. */
    static final int MAX_ERROR = 300;
    private static final int MAX_BODY = 64 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final Clock clock;

    PagerHttp(OkHttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * @param pager   name for error texts, e.g. {@code PagerDuty}
     * @param request the call
     * @param idOf    reads the pager's identifier from a 2xx JSON body (may return null); not called for an empty body
     * @param errorOf reads the pager's error text from a non-2xx JSON body (may return null)
     */
    Delivery call(String pager, Request request, Function<JsonNode, String> idOf, Function<JsonNode, String> errorOf) {
        try (Response response = http.newCall(request).execute()) {
            String body = body(response.body());
            JsonNode json = parse(body);
            int code = response.code();
            if (code >= 200 && code < 300) {
                return Delivery.done(json == null ? null : idOf.apply(json));
            }
            String said = json == null ? null : errorOf.apply(json);
            if (said == null || said.isBlank()) {
                said = body.isBlank() || json != null ? response.message() : body;
            }
            String error = PageRequest.cut((pager + " answered " + code + ": " + said.strip()).replaceAll("\\s+", " "), MAX_ERROR);
            if (code == 408 || code == 429 || code >= 500) {
                return Delivery.retry(error, retryAfter(response.header("Retry-After")));
            }
            return Delivery.fail(error);
        } catch (IOException e) {
            return Delivery.retry("could not reach " + pager + " (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** @return the wait of a {@code Retry-After} value (delay-seconds or an IMF-fixdate), null when absent or unreadable */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String body(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        okio.BufferedSource source = body.source();
        source.request(MAX_BODY);
        long n = Math.min(source.getBuffer().size(), MAX_BODY);
        return source.getBuffer().readString(n, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** @return the text of {@code node.path(field)} when it is a non-empty string, else null */
    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : v.isNumber() ? v.asText() : null;
    }
}
