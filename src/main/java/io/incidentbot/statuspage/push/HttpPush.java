package io.incidentbot.statuspage.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
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
 * One JSON call to a hosted status page with OkHttp, classified once for both clients: 2xx done; 408, 409, 420
 * (Statuspage's old rate-limit code), 425, 429 and 5xx retried after {@code Retry-After} (seconds or an HTTP date)
 * when given; a network failure retried; any other 4xx failed for good. The error text names the status and at
 * most 200 characters of the service's answer, never the request's headers.
 */
final class HttpPush {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    HttpPush(OkHttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    ObjectMapper json() {
        return json;
    }

    /**
     * @param request the request (body built with {@link #body})
     * @param id      reads the hosted incident's ID from a 2xx answer's JSON
     */
    PushResult call(Request request, Function<JsonNode, String> id) {
        try (Response r = http.newCall(request).execute()) {
            ResponseBody b = r.body();
            String text = b == null ? "" : b.string();
            if (r.isSuccessful()) {
                String remote;
                try {
                    remote = id.apply(json.readTree(text.isEmpty() ? "{}" : text));
                } catch (IOException e) {
                    return PushResult.retry(r.code() + " answer was not JSON", null);
                }
                return remote == null || remote.isBlank() ? PushResult.fail(r.code() + " answer had no incident id")
                        : PushResult.done(remote);
            }
            String error = r.code() + " " + (text.length() > 200 ? text.substring(0, 200) : text).replaceAll("\\s+", " ").strip();
            int c = r.code();
            if (c == 408 || c == 409 || c == 420 || c == 425 || c == 429 || c >= 500) {
                return PushResult.retry(error, retryAfter(r.header("Retry-After")));
            }
            return PushResult.fail(error);
        } catch (IOException e) {
            return PushResult.retry("network: " + e.getClass().getSimpleName(), null);
        }
    }

    RequestBody body(Object tree) {
        try {
            return RequestBody.create(json.writeValueAsBytes(tree), JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the wait a {@code Retry-After} value asks for (delta seconds or an HTTP date), or null */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long s = Long.parseLong(value.strip());
            return s < 0 ? null : Duration.ofSeconds(Math.min(s, 3600));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
