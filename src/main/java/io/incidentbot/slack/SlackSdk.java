package io.incidentbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

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
        SlackConfig sc = new SlackConfig();
        sc.setMethodsEndpointUrlPrefix(apiUrl);
        sc.setHttpClientReadTimeoutMillis(READ_WRITE_TIMEOUT_MILLIS);
        sc.setHttpClientWriteTimeoutMillis(READ_WRITE_TIMEOUT_MILLIS);
        sc.setHttpClientCallTimeoutMillis(CALL_TIMEOUT_MILLIS);
        sc.setPrettyResponseLoggingEnabled(false);
        sc.setFailOnUnknownProperties(false);
        return Slack.getInstance(sc);
    }
}
