package io.incidentbot.trackers;

import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentSubscriber;
import io.incidentbot.incident.UnitOfWork;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.JobRoutes;
import io.incidentbot.outbox.Payloads;
import io.incidentbot.incident.Transactions;
import io.incidentbot.trackers.client.TrackerClients;
import okhttp3.OkHttpClient;

import java.time.Clock;

/**
 * The tracker subscriber (issue 22): a follow-up closed or reopened in Slack queues a {@code sync} job that changes
 * its issue (never a change that came from the tracker, so nothing loops); with {@code INCIDENT_FOLLOWUP_EXPORT=auto}, every recorded follow-up claims its
 * export ({@link io.incidentbot.store.TrackerRepository#claimExport}, once per follow-up) and queues a
 * {@code create} job in the recording transaction. Its jobs ({@code create}, {@code sync}) are delivered by
 * {@link TrackerJobs} through {@link #routes}; a create retried after an attempt whose answer may have been lost
 * first looks for the issue that attempt made.
 */
public final class TrackerSubscriber implements IncidentSubscriber {
    /** The subscriber's name in the outbox. */
    public static final String NAME = "trackers";

    private final TrackerSettings settings;
    private final TrackerJobs jobs;

    /**
     * @param settings the tracker settings
     * @param jobs     the job deliveries, or null when no tracker is configured
     */
    public TrackerSubscriber(TrackerSettings settings, TrackerJobs jobs) {
        this.settings = settings;
        this.jobs = jobs;
    }

    /**
     * @param settings     the tracker settings
     * @param transactions units of work with the subscribers (the bot's)
     * @param clock        "now"
     * @return the subscriber with the configured tracker's client (none when no tracker is set)
     */
    public static TrackerSubscriber of(TrackerSettings settings, Transactions transactions, Clock clock) {
        TrackerJobs jobs = TrackerClients.of(settings, new OkHttpClient(), clock)
                .map(client -> new TrackerJobs(transactions, client, settings.users(), clock)).orElse(null);
        return new TrackerSubscriber(settings, jobs);
    }

    @Override
    public void on(UnitOfWork work, IncidentEvent event) {
        if (settings.provider() == null) {
            return;
        }
        if (event instanceof IncidentEvent.FollowUpRecorded f && settings.export() == TrackerSettings.Export.AUTO
                && work.repositories().trackers().claimExport(f.followUpId(), settings.provider(), f.actor(), work.now())) {
            queueCreate(work, f.incident(), f.followUpId());
        } else if (event instanceof IncidentEvent.FollowUpStateChanged c) {
            work.repositories().trackers().find(c.followUpId())
                    .filter(after -> TrackerJobs.wantsSync(after, c.source()))
                    .ifPresent(after -> work.repositories().outbox().enqueue(c.incident(), NAME, "sync",
                            Payloads.write(new TrackerJobs.SyncIssue(c.followUpId(), c.state(), c.actor(), c.at())), work.now()));
        }
    }

    /** Queues the create job of a follow-up whose export the caller has just claimed (or offered again). */
    static void queueCreate(UnitOfWork work, long incident, long followUp) {
        work.repositories().outbox().enqueue(incident, NAME, "create",
                Payloads.write(new TrackerJobs.CreateIssue(followUp)), work.now());
    }

    /** @return the routing table of this subscriber's jobs */
    public JobRoutes routes() {
        return JobRoutes.of(NAME)
                .route("create", TrackerJobs.CreateIssue.class, (job, p) -> jobs == null ? Outcome.fail("no tracker configured")
                        : jobs.create(p, job.attempts() > 0))
                .route("sync", TrackerJobs.SyncIssue.class, (job, p) -> jobs == null ? Outcome.fail("no tracker configured")
                        : jobs.sync(p));
    }
}
