package io.incidentbot.outbox;

import java.time.Instant;

/**
 * A piece of outside work (a Web API call or a short sequence of calls) stored durably in the same
 * transaction as the change that needs it, then delivered by the {@link OutboxWorker} to the
 * {@link JobHandler} of its subscriber.
 *
 * @param id            database ID; the jobs of one lane (incident, subscriber) run in ID order
 * @param incident      incident number (with the subscriber, the ordering lane); 0 for jobs about no
 *                      incident, negative for lanes of the subscriber's own (e.g. {@code -group} for an alert group)
 * @param subscriber    who owns the job, e.g. {@code slack}, {@code pager}
 * @param kind          what to do, a name the subscriber owns, e.g. {@code POST_CHANNEL}
 * @param payload       JSON object text of the kind's arguments ({@link Payloads})
 * @param attempts      delivery attempts started before this one (more than 0: an earlier attempt may
 *                      have reached the outside service even though its answer was lost)
 * @param nextAttemptAt earliest time of the next attempt
 * @param createdAt     when the job was recorded
 */
public record OutboxJob(long id, long incident, String subscriber, String kind, String payload, int attempts,
                        Instant nextAttemptAt, Instant createdAt) {

    /** @return {@code subscriber/kind}, for logs */
    public String type() {
        return subscriber + "/" + kind;
    }
}
