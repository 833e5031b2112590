package io.incidentbot.slack.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.incidentbot.ops.Metrics;
import io.incidentbot.ops.SlackStatus;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.MDC;

import java.io.IOException;
import java.time.Duration;

/**
 * An OkHttp interceptor on the SDK's HTTP client ({@link SlackSdk#forApi(String, SlackTraffic)}): it sees
 * every Web API call the bot makes, including those that do not go through {@link SlackCalls}
 * ({@code auth.test}, {@code users.info}, {@code views.open}, the HTTP calls inside {@code filesUploadV2}).
 * For each it records the latency by method and outcome ({@link Metrics#slackCall}), and tells
 * {@link SlackStatus} whether Slack answered, refused the token, or could not be reached. It sets the
 * {@code slack_method} MDC field for the call when the caller has not. The answer is passed on untouched:
 * the first 4 KiB are peeked (Slack writes {@code ok} and {@code error} first) and read with Jackson's
 * streaming parser.
 */
public final class SlackTraffic implements Interceptor {
    private static final JsonFactory JSON = new JsonFactory();
    private static final long PEEK = 4096;

    private final String apiUrl;
    private final Metrics metrics;
    private final SlackStatus status;

    /**
     * @param apiUrl  the Web API base URL ({@code SLACK_API_URL}); calls elsewhere (uploads, {@code response_url})
     *                count as method {@code other}
     * @param metrics where latencies go
     * @param status  what is known about Slack's availability and the token
     */
    public SlackTraffic(String apiUrl, Metrics metrics, SlackStatus status) {
        this.apiUrl = apiUrl;
        this.metrics = metrics;
        this.status = status;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String url = chain.request().url().toString();
        boolean api = url.startsWith(apiUrl);
        String method = api ? url.substring(apiUrl.length()).replaceAll("[?#].*", "") : "other";
        boolean setMdc = MDC.get("slack_method") == null;
        if (setMdc) {
            MDC.put("slack_method", method);
        }
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(chain.request());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            int code = response.code();
            if (code >= 500) {
                metrics.slackCall(method, "http_" + code, took);
                status.unreachable(method, "http_" + code);
            } else if (code == 429) {
                metrics.slackCall(method, "ratelimited", took);
            } else if (code >= 300) {
                metrics.slackCall(method, "http_" + code, took);
                status.answered(method, null);
            } else {
                String error = api ? error(response) : null;
                metrics.slackCall(method, error == null ? "ok" : error, took);
                status.answered(method, error);
            }
            return response;
        } catch (IOException e) {
            metrics.slackCall(method, "network", Duration.ofNanos(System.nanoTime() - start));
            status.unreachable(method, e.getClass().getSimpleName());
            throw e;
        } finally {
            if (setMdc) {
                MDC.remove("slack_method");
            }
        }
    }

    /** @return Slack's {@code error} when the answer says {@code "ok": false}, else null */
    private static String error(Response response) throws IOException {
        ResponseBody peek = response.peekBody(PEEK);
        Boolean ok = null;
        String error = null;
        try (JsonParser p = JSON.createParser(peek.byteStream())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME && (ok == null || ok == Boolean.FALSE && error == null)) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("ok".equals(name)) {
                    ok = value == JsonToken.VALUE_TRUE;
                } else if ("error".equals(name) && value == JsonToken.VALUE_STRING) {
                    error = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException truncatedOrNotJson) {
            // a peek cut inside the document, or not JSON: keep what was read
        }
        if (ok == null || ok) {
            return null;
        }
        return error != null && error.matches("[a-z][a-z0-9_]{0,60}") ? error : "unknown_error";
    }
}
