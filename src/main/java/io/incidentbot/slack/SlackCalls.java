package io.incidentbot.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.incidentbot.outbox.JobHandler.Outcome;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Turns the outcome of one Web API call into an outbox {@link Outcome}: {@code ok: true} is done,
 * 429 and {@code ratelimited} retry after {@code Retry-After}, 5xx, timeouts and network errors retry
 * with backoff, any other Slack error fails for good.
 */
final class SlackCalls {
    /** Slack error codes worth retrying: the failure is Slack's, not the request's. */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");

    /** A Web API call through the SDK. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    /** The answer of a call: the response when Slack answered, else the outcome to record. */
    record Result<T>(T response, Outcome failure) {
        /** @return true when Slack answered {@code ok: true} */
        boolean ok() {
            return response instanceof SlackApiTextResponse r ? r.isOk() : response != null;
        }

        /** @return Slack's error code when it answered {@code ok: false}, else null */
        String error() {
            return response instanceof SlackApiTextResponse r ? r.getError() : null;
        }
    }

    private SlackCalls() {
    }

    /**
     * Runs a call and classifies network and HTTP failures. An {@code ok: false} answer is returned
     * as a response for the caller to judge (some errors, like {@code already_in_channel}, are fine).
     *
     * @param method the Web API method name, for messages, e.g. {@code chat.postMessage}
     */
    static <T extends SlackApiTextResponse> Result<T> run(String method, Call<T> call) {
        try {
            T response = call.call();
            if (!response.isOk() && TRANSIENT.contains(response.getError())) {
                return new Result<>(null, Outcome.retry(method + ": " + response.getError(), null));
            }
            return new Result<>(response, null);
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                return new Result<>(null, Outcome.retry(method + ": HTTP 429", retryAfter(e)));
            }
            String slackError = e.getError() != null && e.getError().getError() != null ? e.getError().getError() : "HTTP " + code;
            if (code >= 500 || code == 408) {
                return new Result<>(null, Outcome.retry(method + ": " + slackError, null));
            }
            return new Result<>(null, Outcome.fail(method + ": " + slackError));
        } catch (IOException e) {
            return new Result<>(null, Outcome.retry(method + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), null));
        }
    }

    /** @return the outcome for a call whose {@code ok: false} answer is final */
    static Outcome failed(String method, Result<?> result) {
        return result.failure() != null ? result.failure() : Outcome.fail(method + ": " + result.error());
    }

    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return header == null ? Duration.ofSeconds(1) : Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException ignored) {
            return Duration.ofSeconds(1);
        }
    }
}
