package io.incidentbot.ops;

import io.incidentbot.outbox.JobHandler;
import io.incidentbot.outbox.OutboxJob;

/**
 * Counts the outbox's retried and given-up jobs ({@link Metrics#outboxRetried}, {@link Metrics#outboxFailed})
 * around the Slack job handler, so the worker itself stays free of metrics.
 */
public final class MeteredJobHandler implements JobHandler {
    private final JobHandler delegate;
    private final Metrics metrics;

    /**
     * @param delegate the handler that makes the Web API calls
     * @param metrics  where the counts go
     */
    public MeteredJobHandler(JobHandler delegate, Metrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public Outcome handle(OutboxJob job) {
        Outcome outcome = delegate.handle(job);
        if (outcome.type() == Outcome.Type.RETRY) {
            metrics.outboxRetried(outcome.error());
        }
        return outcome;
    }

    @Override
    public boolean knows(OutboxJob job) {
        return delegate.knows(job);
    }

    /** Called once per job given up (a refusal, or retries past the give-up age). */
    @Override
    public void failed(OutboxJob job, String error) {
        metrics.outboxFailed(error);
        delegate.failed(job, error);
    }
}
