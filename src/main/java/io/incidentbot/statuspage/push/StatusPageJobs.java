package io.incidentbot.statuspage.push;

import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.JobRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The status-page subscriber's outbox jobs: one kind per hosted page ({@code statuspage}, {@code cachet}), each with
 * payload {@link Push}: "bring that page up to date with this published incident" ({@link StatusPush#sync}). Enqueued
 * by the status page's use cases in the transaction of each public change; jobs of one incident are delivered in
 * order, once across replicas, with backoff; several queued for one incident are coalesced by the first that runs.
 */
public final class StatusPageJobs {
    /** The subscriber's name in the outbox. */
    public static final String SUBSCRIBER = "statuspage";
    private static final Logger log = LoggerFactory.getLogger(StatusPageJobs.class);

    /** @param publicId the published incident's public ID */
    public record Push(String publicId) {
    }

    private StatusPageJobs() {
    }

    /** @return the routing table: one route per configured hosted page */
    public static JobRoutes routes(StatusPush push, List<HostedPage> pages) {
        JobRoutes routes = JobRoutes.of(SUBSCRIBER);
        for (HostedPage page : pages) {
            routes.route(page.provider(), Push.class, (job, p) -> outcome(push.sync(page, p.publicId())));
        }
        return routes.onFailed((job, error) -> log.warn("status page push {} of incident {} given up: {}", job.kind(),
                job.incident(), error));
    }

    /** @return the outbox's outcome for a push result */
    static Outcome outcome(PushResult r) {
        return switch (r.type()) {
            case DONE -> Outcome.done();
            case RETRY -> Outcome.retry(r.error(), r.retryAfter());
            case FAIL -> Outcome.fail(r.error());
        };
    }
}
