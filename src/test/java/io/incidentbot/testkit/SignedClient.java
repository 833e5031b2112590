package io.incidentbot.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends requests into the running bot the way Slack does: real HTTP, signed with the SDK's
 * {@link SlackSignature.Generator} ({@code v0:timestamp:body}, HMAC-SHA256).
 */
public final class SignedClient {
    public static final String SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.concurrent.atomic.AtomicLong TRIGGERS = new java.util.concurrent.atomic.AtomicLong(0x8088930838d88f00L);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final SlackSignature.Generator signer;

    private final String responseBase;

    /**
     * @param port         the bot's HTTP port
     * @param responseBase base of the {@code response_url}s sent (a stand-in URL ending in {@code /response/})
     */
    public SignedClient(int port, String responseBase) {
        this(port, responseBase, SIGNING_SECRET);
    }

    /**
     * @param port          the bot's HTTP port
     * @param responseBase  base of the {@code response_url}s sent (a URL ending in {@code /})
     * @param signingSecret the bot's {@code SLACK_SIGNING_SECRET}
     */
    public SignedClient(int port, String responseBase, String signingSecret) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.responseBase = responseBase;
        this.signer = new SlackSignature.Generator(signingSecret);
    }

    /** @return the answer to a signed {@code POST /slack/events} with the given body and content type */
    public HttpResponse<String> post(String body, String contentType, long timestampSeconds, Map<String, String> headers) {
        return send(request(body, contentType, timestampSeconds, headers));
    }

    /**
     * @param body             the raw body, signed as is
     * @param contentType      {@code application/json} (Events API) or {@code application/x-www-form-urlencoded}
     * @param timestampSeconds {@code X-Slack-Request-Timestamp}, epoch seconds
     * @param headers          more headers, e.g. {@code X-Slack-Retry-Num}
     * @return a {@code POST /slack/events} signed as Slack signs it, not sent (for a client of one's own)
     */
    public HttpRequest request(String body, String contentType, long timestampSeconds, Map<String, String> headers) {
        String ts = String.valueOf(timestampSeconds);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/slack/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signer.generate(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return b.build();
    }

    /** @return the answer to a signed request with the current time */
    public HttpResponse<String> post(String body, String contentType) {
        return post(body, contentType, now(), Map.of());
    }

    /**
     * Sends {@code /incident <text>} as Slack does (form-encoded).
     *
     * @return the HTTP answer; its body is the ephemeral reply
     */
    public HttpResponse<String> command(String text, String userId, String channelId) {
        return post(form(commandFields(text, userId, channelId)), "application/x-www-form-urlencoded");
    }

    /**
     * Sends {@code /incident <typed>} with the text escaped as Slack escapes slash command text
     * ({@code &}, {@code <}, {@code >} as {@code &amp;}, {@code &lt;}, {@code &gt;}); mentions and links
     * go in already as Slack's markup, e.g. {@code "note ask " + "<@U1|bob>"} after {@link #escaped}.
     *
     * @param typed what the person typed after {@code /incident}, before Slack's escaping
     * @return the HTTP answer; its body is the ephemeral reply
     */
    public HttpResponse<String> commandAsTyped(String typed, String userId, String channelId) {
        return command(escaped(typed), userId, channelId);
    }

    /** @return {@code typed} as Slack sends it in slash command and message text: {@code & < >} escaped */
    public static String escaped(String typed) {
        return typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** @return the form fields of a slash command request */
    public Map<String, String> commandFields(String text, String userId, String channelId) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy-verification-token");
        f.put("team_id", SlackStandIn.TEAM);
        f.put("team_domain", "acme");
        f.put("channel_id", channelId);
        f.put("channel_name", "general");
        f.put("user_id", userId);
        f.put("user_name", userId.toLowerCase());
        f.put("command", "/incident");
        f.put("text", text);
        f.put("api_app_id", "A0TEST001");
        f.put("is_enterprise_install", "false");
        f.put("response_url", responseBase + userId);
        f.put("trigger_id", triggerId());
        return f;
    }

    /**
     * @return a fresh trigger ID shaped like Slack's ({@code 13345224609.738474920.<32 hex digits>}); Slack
     *         sends a new one with every slash command and interaction, so two requests are never identical
     */
    public static String triggerId() {
        return "13345224609.738474920." + String.format("%032x", TRIGGERS.incrementAndGet());
    }

    /** @return an interactivity request ({@code payload=<json>}) */
    public HttpResponse<String> interactivity(Object payload) {
        try {
            return post("payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the answer to an Events API JSON body, with optional retry headers */
    public HttpResponse<String> event(Object envelope, Map<String, String> headers) {
        try {
            return post(JSON.writeValueAsString(envelope), "application/json", now(), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a GET of {@code path} */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** @return form-encoding of the fields */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * @param response an answer to a slash command
     * @return the ephemeral text shown to the user (the JSON {@code text}, or the raw body)
     */
    public static String text(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || !body.startsWith("{")) {
            return body;
        }
        try {
            return JSON.readTree(body).path("text").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    /** @return the ephemeral text of {@code /incident <text>} */
    public String say(String text, String userId, String channelId) {
        return text(command(text, userId, channelId));
    }

    /** @return epoch seconds now */
    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
