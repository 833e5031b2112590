package io.incidentbot.trackers.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one place tracker HTTP answers are classified (like {@code slack/SlackCalls} for Slack): OkHttp for the
 * call, Jackson for the JSON. A 2xx answer gives its JSON (or {@link NullNode} when empty). Anything else throws
 * a {@link TrackerException} carrying the tracker's own error text:
 * <ul>
 *   <li>permanent: 400, 401, 404, 410, 422, and 403 unless it is a rate limit (GitHub answers 403 with
 *       {@code Retry-After} or {@code x-ratelimit-remaining: 0} for those);</li>
 *   <li>retryable: 429, 5xx, 403 rate limits, 408/409, network errors and timeouts, with the wait from
 *       {@code Retry-After} (seconds or an HTTP date) or GitHub's {@code x-ratelimit-reset} when given.</li>
 * </ul>
 * Nothing is logged here; headers (and so tokens) never reach an exception message.
 */
public final class TrackerHttp {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_ERROR = 300;

    private final OkHttpClient http;
    private final String name;
    private final Clock clock;

    /**
     * @param http  the shared OkHttp client (its timeouts are tightened to 10 s connect, 30 s read here)
     * @param name  the tracker's name for messages: {@code GitHub}, {@code Jira}, {@code GitLab}
     * @param clock "now", for {@code Retry-After} given as a date
     */
    public TrackerHttp(OkHttpClient http, String name, Clock clock) {
        this.http = http.newBuilder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS)
                .callTimeout(60, TimeUnit.SECONDS).build();
        this.name = name;
        this.clock = clock;
    }

    /** @return the tracker's name for messages: {@code GitHub}, {@code Jira}, {@code GitLab} */
    String tracker() {
        return name;
    }

    /** @return a JSON request body of {@code value} (a Jackson tree or a record/map) */
    static RequestBody json(Object value) {
        try {
            return RequestBody.create(MAPPER.writeValueAsBytes(value), JSON);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a request body", e);
        }
    }

    /**
     * Sends a request and classifies the answer.
     *
     * @return the 2xx answer's JSON, {@link NullNode} when it has no body
     * @throws TrackerException for any other answer, or when there is none
     */
    public JsonNode send(Request request) {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (response.isSuccessful()) {
                if (text.isBlank()) {
                    return NullNode.getInstance();
                }
                try {
                    return MAPPER.readTree(text);
                } catch (IOException e) {
                    throw new TrackerException(name + " " + response.code() + ": answered with something that is not JSON",
                            response.code(), false, null);
                }
            }
            throw refusal(response, text);
        } catch (IOException e) {
            throw new TrackerException(name + " could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), 0, false, null);
        }
    }

    private TrackerException refusal(Response response, String text) {
        int code = response.code();
        Duration wait = retryAfter(response);
        boolean rateLimited = code == 429 || (code == 403 && (wait != null
                || "0".equals(response.header("x-ratelimit-remaining"))));
        boolean permanent = !rateLimited && (code == 400 || code == 401 || code == 403 || code == 404 || code == 410
                || code == 422 || code == 405 || code == 413);
        String message = name + " " + code + ": " + errorText(text, response.message());
        return new TrackerException(message, code, permanent, permanent ? null : wait);
    }

    private Duration retryAfter(Response response) {
        String after = response.header("Retry-After");
        if (after != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(after.strip())));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(after.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(clock.instant(), at.toInstant());
                    return d.isNegative() ? Duration.ZERO : d;
                } catch (DateTimeParseException ignored) {
                    return null;
                }
            }
        }
        String reset = response.header("x-ratelimit-reset");
        if (reset != null && "0".equals(response.header("x-ratelimit-remaining"))) {
            try {
                long seconds = Long.parseLong(reset.strip()) - clock.instant().getEpochSecond();
                return Duration.ofSeconds(Math.max(0, seconds));
            } catch (NumberFormatException ignored) {
                return null;
            }
        }
        return null;
    }

    /**
     * The tracker's error in one line: GitHub's {@code message} (and {@code errors[].message}/{@code code}),
     * Jira's {@code errorMessages[]} and {@code errors{}}, GitLab's {@code message} or {@code error}.
     */
    static String errorText(String body, String reason) {
        List<String> parts = new ArrayList<>();
        try {
            JsonNode n = body == null || body.isBlank() ? null : MAPPER.readTree(body);
            if (n != null && n.isObject()) {
                JsonNode message = n.get("message");
                if (message != null && message.isTextual()) {
                    parts.add(message.asText());
                } else if (message != null && message.isObject()) {
                    // GitLab validation errors: {"message": {"title": ["can't be blank"]}}
                    fields(message, parts);
                }
                if (n.path("error").isTextual()) {
                    parts.add(n.get("error").asText());
                }
                for (JsonNode m : n.path("errorMessages")) {
                    parts.add(m.asText());
                }
                if (n.path("errors").isObject()) {
                    fields(n.get("errors"), parts);
                }
                for (JsonNode e : n.path("errors").isArray() ? n.get("errors") : NullNode.getInstance()) {
                    parts.add(e.isTextual() ? e.asText() : e.path("message").asText(e.path("field").asText("") + " "
                            + e.path("code").asText("")).strip());
                }
            }
        } catch (IOException notJson) {
            // fall through to the reason phrase
        }
        parts.removeIf(String::isBlank);
        String text = parts.isEmpty() ? (reason == null || reason.isBlank() ? "no error text" : reason) : String.join("; ", parts);
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "…" : text;
    }

    private static void fields(JsonNode object, List<String> parts) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            parts.add(f.getKey() + ": " + (f.getValue().isArray() && f.getValue().size() > 0
                    ? f.getValue().get(0).asText() : f.getValue().asText()));
        }
    }
}
