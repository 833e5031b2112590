package io.incidentbot.outbox;

import java.time.Duration;

/** Delivers outbox jobs: {@link JobRoutes} per subscriber, {@link Subscribers} over all of them. */
public interface JobHandler {

    /**
     * Makes the job's outside calls.
     *
     * @return what happened; never throws for an outside service or network failure (return {@link Outcome#retry} or
     *         {@link Outcome#fail}); an unexpected exception is treated as a retryable failure
     */
    Outcome handle(OutboxJob job);

    /**
     * Whether this release can deliver the job at all. A job of a subscriber or kind it does not know (queued by a
     * newer replica during a rolling upgrade) is left for a replica that knows it: the worker neither counts an
     * attempt nor marks it failed until it is older than {@link OutboxWorker.Policy#giveUpAfter}.
     *
     * @return true when {@link #handle} has a route for the job's subscriber and kind (true unless overridden)
     */
    default boolean knows(OutboxJob job) {
        return true;
    }

    /**
     * Called once when a job is given up, to tell the people concerned in plain words.
     *
     * @param error Slack's error code or the last failure's description
     */
    void failed(OutboxJob job, String error);

    /**
     * The result of one delivery attempt.
     *
     * @param type       done, retry or fail
     * @param error      Slack's error code or failure description, null when done
     * @param retryAfter for {@code retry}: the wait Slack asked for ({@code Retry-After}), or null to back off
     */
    record Outcome(Type type, String error, Duration retryAfter) {
        /** Kinds of outcome. */
        public enum Type { DONE, RETRY, FAIL }

        /** @return the job is delivered */
        public static Outcome done() {
            return new Outcome(Type.DONE, null, null);
        }

        /** @return try again later, after {@code retryAfter} when given, else after an exponential backoff */
        public static Outcome retry(String error, Duration retryAfter) {
            return new Outcome(Type.RETRY, error, retryAfter);
        }

        /** @return give up now: retrying cannot help (e.g. {@code missing_scope}) */
        public static Outcome fail(String error) {
            return new Outcome(Type.FAIL, error, null);
        }
    }
}
