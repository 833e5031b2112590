package io.incidentbot.pager;

import java.time.Duration;

/**
 * What one call to a pager came to.
 *
 * @param type       {@code DONE}: accepted; {@code RETRY}: try again (429, 5xx, network); {@code FAIL}: the pager
 *                   refused it for good (400, 401, 403, 404, 422...), retrying cannot help
 * @param externalId the pager's identifier of what it created when it says (GoAlert's alert ID, JSM's request ID),
 *                   else null
 * @param error      for RETRY and FAIL: the pager's own error text (one line, at most 300 characters), never a key
 * @param retryAfter for RETRY: the wait the pager asked for with {@code Retry-After}, or null to back off
 */
public record Delivery(Type type, String externalId, String error, Duration retryAfter) {
    /** Kinds of result. */
    public enum Type { DONE, RETRY, FAIL }

    /** @return accepted, with the pager's identifier (may be null) */
    public static Delivery done(String externalId) {
        return new Delivery(Type.DONE, externalId, null, null);
    }

    /** @return try again, after {@code retryAfter} when not null */
    public static Delivery retry(String error, Duration retryAfter) {
        return new Delivery(Type.RETRY, null, error, retryAfter);
    }

    /** @return refused for good */
    public static Delivery fail(String error) {
        return new Delivery(Type.FAIL, null, error, null);
    }

    /** @return the outbox outcome for this result */
    public io.incidentbot.outbox.JobHandler.Outcome outcome() {
        return switch (type) {
            case DONE -> io.incidentbot.outbox.JobHandler.Outcome.done();
            case RETRY -> io.incidentbot.outbox.JobHandler.Outcome.retry(error, retryAfter);
            case FAIL -> io.incidentbot.outbox.JobHandler.Outcome.fail(error);
        };
    }
}
