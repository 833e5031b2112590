package io.incidentbot.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What the bot knows about Slack's Web API from the answers it got, for readiness and for logs that
 * stay short during an outage:
 * <ul>
 *   <li>the last answered {@code auth.test}: ready only once one said {@code ok};</li>
 *   <li>a token Slack refuses ({@code invalid_auth}, {@code token_revoked}, {@code account_inactive}, from
 *       {@code auth.test} or any call): not ready, logged once (ERROR) until an {@code auth.test} succeeds
 *       again (INFO);</li>
 *   <li>an outage (network errors, HTTP 5xx): one WARN when the first call fails, one INFO when a call
 *       is answered again, with how long it lasted and how many calls failed; nothing per retry.</li>
 * </ul>
 * Thread-safe; fed by {@code slack/web/SlackTraffic}, which sees every Web API call.
 */
public final class SlackStatus {
    private static final Logger log = LoggerFactory.getLogger(SlackStatus.class);
    /** Slack error codes that mean the token no longer works. */
    public static final Set<String> REVOKED = Set.of("invalid_auth", "token_revoked", "account_inactive");

    private final Clock clock;
    private String authError = "auth.test has not answered yet";
    private String revoked;
    private Instant outageSince;
    private int outageFailures;

    /** @param clock time source for outage durations */
    public SlackStatus(Clock clock) {
        this.clock = clock;
    }

    /**
     * A call was answered by Slack (any HTTP status below 500, other than 429 for the outage).
     *
     * @param method the Web API method, e.g. {@code auth.test}
     * @param error  Slack's error code for {@code ok: false}, null for {@code ok: true}
     */
    public synchronized void answered(String method, String error) {
        endOutage();
        if (error != null && REVOKED.contains(error)) {
            if (revoked == null) {
                log.error("Slack refuses the bot token ({} on {}): not ready until auth.test succeeds again", error, method);
            }
            revoked = error;
            authError = "Slack refuses the bot token: " + error;
        } else if ("auth.test".equals(method)) {
            if (error == null) {
                if (revoked != null) {
                    log.info("Slack accepts the bot token again (auth.test ok)");
                }
                revoked = null;
                authError = null;
            } else {
                if (!("auth.test failed: " + error).equals(authError)) {
                    log.error("auth.test failed: {}; not ready until it succeeds", error);
                }
                authError = "auth.test failed: " + error;
            }
        }
    }

    /**
     * A call got no answer from Slack: a network error, a timeout or an HTTP 5xx.
     *
     * @param method the Web API method
     * @param reason e.g. {@code http_503} or {@code network}
     */
    public synchronized void unreachable(String method, String reason) {
        outageFailures++;
        if (outageSince == null) {
            outageSince = clock.instant();
            log.warn("Slack's Web API is failing ({} on {}); calls are retried with backoff and counted in "
                    + "incidentbot_slack_api_seconds, not logged one by one", reason, method);
        }
    }

    private void endOutage() {
        if (outageSince != null) {
            log.info("Slack's Web API answers again after {} s ({} calls failed meanwhile)",
                    Duration.between(outageSince, clock.instant()).toSeconds(), outageFailures);
            outageSince = null;
            outageFailures = 0;
        }
    }

    /** @return null when the last answered {@code auth.test} was ok and no call since was refused for the token; else why not */
    public synchronized String tokenProblem() {
        return authError;
    }

    /** @return true when an {@code auth.test} is due: none succeeded yet, or the token was refused since */
    public synchronized boolean needsAuthCheck() {
        return authError != null;
    }

    /** @return when the current outage started, or null when Slack answers */
    public synchronized Instant outageSince() {
        return outageSince;
    }
}
