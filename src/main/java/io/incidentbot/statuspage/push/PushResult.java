package io.incidentbot.statuspage.push;

import java.time.Duration;

/**
 * What one call to a hosted status page did, in the outbox's terms: done (with the hosted page's incident ID),
 * retry later (after {@code retryAfter} when the service said so, else with backoff), or failed for good.
 *
 * @param type       done, retry or fail
 * @param remoteId   for done: the hosted page's incident ID
 * @param error      for retry and fail: the HTTP status and the service's short reason (never a secret)
 * @param retryAfter for retry: the wait the service asked for ({@code Retry-After}), or null
 */
public record PushResult(Type type, String remoteId, String error, Duration retryAfter) {
    /** Kinds of result. */
    public enum Type { DONE, RETRY, FAIL }

    /** @return done; {@code remoteId} the hosted incident's ID */
    public static PushResult done(String remoteId) {
        return new PushResult(Type.DONE, remoteId, null, null);
    }

    /** @return try again later */
    public static PushResult retry(String error, Duration retryAfter) {
        return new PushResult(Type.RETRY, null, error, retryAfter);
    }

    /** @return give up: retrying cannot help (bad key, unknown page, rejected fields) */
    public static PushResult fail(String error) {
        return new PushResult(Type.FAIL, null, error, null);
    }
}
