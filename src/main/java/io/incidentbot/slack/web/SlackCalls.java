package io.incidentbot.slack.web;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.timeline.SlackTs;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Turns the outcome of one Web API call into an outbox {@link Outcome}: {@code ok: true} is done,
 * 429 and {@code ratelimited} retry after {@code Retry-After}, 5xx, timeouts and network errors retry
 * with backoff, any other Slack error fails for good.
 */
public final class SlackCalls {
    /** Slack error codes worth retrying: the failure is Slack's, not the request's. */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");

    /** A Web API call through the SDK. */
    @FunctionalInterface
    public interface Call<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    /** The answer of a call: the response when Slack answered, else the outcome to record. */
    public record Result<T>(T response, Outcome failure) {
        /** @return true when Slack answered {@code ok: true} */
        public boolean ok() {
            return response instanceof SlackApiTextResponse r ? r.isOk() : response != null;
        }

        /** @return Slack's error code when it answered {@code ok: false}, else null */
        public String error() {
            return response instanceof SlackApiTextResponse r ? r.getError() : null;
        }
    }

    private SlackCalls() {
    }

    /**
     * Runs a call and classifies network and HTTP failures. An {@code ok: false} answer is returned
     * as a response for the caller to judge (some errors, like {@code already_in_channel}, are fine).
     *
     * @param method the Web API method name, for messages, e.g. {@code chat.postMessage}; also the
     *               {@code slack_method} MDC field while the call runs
     */
    public static <T extends SlackApiTextResponse> Result<T> run(String method, Call<T> call) {
        String previous = org.slf4j.MDC.get("slack_method");
        org.slf4j.MDC.put("slack_method", method);
        try {
            return classify(method, call);
        } finally {
            if (previous == null) {
                org.slf4j.MDC.remove("slack_method");
            } else {
                org.slf4j.MDC.put("slack_method", previous);
            }
        }
    }

    private static <T extends SlackApiTextResponse> Result<T> classify(String method, Call<T> call) {
        try {
            return answered(method, call.call());
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

    /**
     * Classifies an answer Slack gave: a transient {@code ok: false} error becomes a retry, anything else
     * is returned for the caller to judge (what {@link #run} does with the answer of its call).
     */
    public static <T extends SlackApiTextResponse> Result<T> answered(String method, T response) {
        if (!response.isOk() && TRANSIENT.contains(response.getError())) {
            return new Result<>(null, Outcome.retry(method + ": " + response.getError(), null));
        }
        return new Result<>(response, null);
    }

    /** @return the outcome for a call whose {@code ok: false} answer is final */
    public static Outcome failed(String method, Result<?> result) {
        return result.failure() != null ? result.failure() : Outcome.fail(method + ": " + result.error());
    }

    /**
     * Reads the channel's messages since a job was recorded (5 s of slack for clock skew), metadata
     * included: how a retried job finds out whether an earlier attempt, whose answer was lost, got through.
     *
     * @return the history page (up to 200 messages), or the failure outcome
     */
    public static Result<ConversationsHistoryResponse> historySince(MethodsClient client, String channel, OutboxJob job) {
        String oldest = SlackTs.fromInstant(job.createdAt().minusSeconds(5));
        return run("conversations.history", () -> client.conversationsHistory(req -> req.channel(channel).oldest(oldest)
                .limit(200).includeAllMetadata(true)));
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
