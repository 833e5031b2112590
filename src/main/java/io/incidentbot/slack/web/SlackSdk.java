package io.incidentbot.slack.web;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import okhttp3.OkHttpClient;

/** The Slack SDK settings the bot runs with: which Web API it calls and how long a call may take. */
public final class SlackSdk {
    /** Longest wait for an answer's bytes, and for a request's to be sent. */
    static final int READ_WRITE_TIMEOUT_MILLIS = 10_000;
    /** Longest a whole Web API call may take. */
    static final int CALL_TIMEOUT_MILLIS = 15_000;

    private SlackSdk() {
    }

    /**
     * @param apiUrl the Web API base URL ending in {@code /} ({@code SLACK_API_URL}, Slack's
     *               {@code https://slack.com/api/} by default)
     * @return an SDK instance calling that Web API with bounded timeouts (10 s read and write, 15 s a
     *         call), quiet response logging and tolerant of response fields it does not know
     */
    public static Slack forApi(String apiUrl) {
        return Slack.getInstance(config(apiUrl));
    }

    /**
     * As {@link #forApi(String)}, with every HTTP call passing through {@code traffic} (metrics, Slack's
     * availability, revoked tokens).
     *
     * @param apiUrl  the Web API base URL ending in {@code /}
     * @param traffic the interceptor on the SDK's OkHttp client
     * @return the SDK instance the bot uses for Bolt, the outbox and every other call
     */
    public static Slack forApi(String apiUrl, SlackTraffic traffic) {
        SlackConfig sc = config(apiUrl);
        OkHttpClient ok = SlackHttpClient.buildOkHttpClient(sc).newBuilder().addInterceptor(traffic).build();
        SlackHttpClient http = new SlackHttpClient(ok);
        http.setConfig(sc);
        return Slack.getInstance(sc, http);
    }

    private static SlackConfig config(String apiUrl) {
        SlackConfig sc = new SlackConfig();
        // The SDK's usage statistics (on by default) keep per-team call counters and call auth.test to
        // learn the team: off, they cost an extra auth.test at start and memory for nothing we read.
        sc.setStatsEnabled(false);
        sc.setMethodsEndpointUrlPrefix(apiUrl);
        sc.setHttpClientReadTimeoutMillis(READ_WRITE_TIMEOUT_MILLIS);
        sc.setHttpClientWriteTimeoutMillis(READ_WRITE_TIMEOUT_MILLIS);
        sc.setHttpClientCallTimeoutMillis(CALL_TIMEOUT_MILLIS);
        sc.setPrettyResponseLoggingEnabled(false);
        sc.setFailOnUnknownProperties(false);
        return sc;
    }
}
