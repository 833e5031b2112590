package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;

/**
 * Delivers the outbox jobs of one kind through Slack's Web API.
 *
 * @param <P> the kind's payload record
 */
@FunctionalInterface
public interface KindHandler<P extends SlackJob> {
    /**
     * @param job      the job (its {@code attempts} tell whether an earlier attempt may have reached Slack)
     * @param incident the job's incident as it is now (its channel has been created unless the kind is
     *                 {@code CREATE_CHANNEL})
     * @param payload  the job's payload, as written with the job
     * @return what happened; Slack and network failures are returned, not thrown
     */
    Outcome deliver(OutboxJob job, Incident incident, P payload);
}
