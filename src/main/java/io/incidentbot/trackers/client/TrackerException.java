package io.incidentbot.trackers.client;

import java.time.Duration;

/**
 * A tracker refused or could not be reached. The message is the tracker's own error in one line, prefixed
 * with the tracker and HTTP status ({@code GitHub 404: Not Found}); it never holds a token.
 */
public final class TrackerException extends RuntimeException {
    private final int status;
    private final boolean permanent;
    private final Duration retryAfter;

    /**
     * @param message    one line: tracker, status and the tracker's error
     * @param status     HTTP status, 0 when no answer came (network error, timeout)
     * @param permanent  true when trying again cannot help (401, 403 without a rate limit, 404, 410, 400, 422)
     * @param retryAfter the wait the tracker asked for ({@code Retry-After}), or null
     */
    public TrackerException(String message, int status, boolean permanent, Duration retryAfter) {
        super(message);
        this.status = status;
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    /** @return HTTP status, 0 when there was no answer */
    public int status() {
        return status;
    }

    /** @return true when retrying cannot help */
    public boolean permanent() {
        return permanent;
    }

    /** @return the wait asked for by the tracker, or null to back off */
    public Duration retryAfter() {
        return retryAfter;
    }
}
