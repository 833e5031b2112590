package io.incidentbot.outbox;

import io.incidentbot.retry.Backoff;
import io.incidentbot.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link OutboxWorker}'s decisions after a claim: what a delivery's outcome makes of the job (done; another
 * attempt after Slack's {@code Retry-After} or the worker's own backoff; given up), when a Web API outage starts
 * and ends, and what becomes of a job this release does not know (a newer replica queued it). Logs under the
 * worker's logger name.
 */
final class DeliveryOutcomes {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Storage storage;
    private final JobHandler handler;
    private final Clock clock;
    private final OutboxWorker.Policy policy;
    private final Backoff backoff;
    private final Set<String> unknownLogged = ConcurrentHashMap.newKeySet();
    private volatile Instant outageSince;
    private volatile Instant lastProbe;

    DeliveryOutcomes(Storage storage, JobHandler handler, Clock clock, OutboxWorker.Policy policy) {
        this.storage = storage;
        this.handler = handler;
        this.clock = clock;
        this.policy = policy;
        this.backoff = new Backoff(policy.firstBackoff(), policy.maxBackoff());
    }

    /**
     * @return true (and the probe is counted as made) when a job is backing off after a Web API failure and no
     *         probe was claimed for {@link OutboxWorker#PROBE_INTERVAL}
     */
    boolean probeDue(Instant now) {
        if (outageSince != null && !now.isBefore(lastProbe.plus(OutboxWorker.PROBE_INTERVAL))) {
            lastProbe = now;
            return true;
        }
        return false;
    }

    /**
     * A claimed job whose subscriber or kind this release has no route for: while it is younger than
     * {@link OutboxWorker.Policy#giveUpAfter} its lease is given back and it is due again after one poll
     * interval, with no attempt counted, so a replica that knows it (a newer release, during a rolling upgrade)
     * delivers it. Logs one line per subscriber and kind, not per claim.
     *
     * @return true when the job was left; false when it is old enough to be given up (deliver it as usual: the
     *         handler fails it with {@code unknown_subscriber} or {@code unknown_kind})
     */
    boolean leftForAnotherRelease(OutboxJob job) {
        Instant now = clock.instant();
        if (Duration.between(job.createdAt(), now).compareTo(policy.giveUpAfter()) > 0) {
            return false;
        }
        if (unknownLogged.add(job.type())) {
            log.warn("outbox: jobs of {} are unknown to this release (queued by a newer replica?); left for a replica"
                    + " that knows them, failed if none delivers them within {}", job.type(), policy.giveUpAfter());
        }
        storage.run(r -> r.outbox().retryAt(job.id(), now.plus(policy.pollInterval()), "unknown to replica of an older release"));
        return true;
    }

    /** Records a delivery's outcome: marks the job done, schedules its next attempt, or gives it up. */
    void record(OutboxJob job, JobHandler.Outcome outcome) {
        Instant now = clock.instant();
        switch (outcome.type()) {
            case DONE -> {
                storage.run(r -> r.outbox().markDone(job.id(), now));
                if (outageSince != null && job.attempts() > 0) {
                    outageSince = null;
                    int expedited = storage.transaction(r -> r.outbox().expediteBackoffs(now));
                    log.info("outbox: Slack accepted a call again; {} job(s) backing off retried now", expedited);
                }
            }
            case RETRY -> {
                if (Duration.between(job.createdAt(), now).compareTo(policy.giveUpAfter()) > 0) {
                    giveUp(job, outcome.error(), now);
                } else if (outcome.retryAfter() != null) {
                    Duration wait = outcome.retryAfter();
                    log.debug("outbox job {} ({}, incident {}) failed with {}; attempt {} in {} ms", job.id(), job.kind(),
                            job.incident(), outcome.error(), job.attempts() + 2, wait.toMillis());
                    storage.run(r -> r.outbox().retryAt(job.id(), now.plus(wait), outcome.error()));
                } else {
                    Duration wait = backoff(job.attempts());
                    // DEBUG: during a Slack outage every job retries; the outage is logged once (WARN when it
                    // starts, INFO when it ends) and retries are counted in incidentbot_outbox_retried_total.
                    log.debug("outbox job {} ({}, incident {}) failed with {}; attempt {} in {} ms", job.id(), job.kind(),
                            job.incident(), outcome.error(), job.attempts() + 2, wait.toMillis());
                    storage.run(r -> r.outbox().backOffUntil(job.id(), now.plus(wait), outcome.error()));
                    if (outageSince == null) {
                        outageSince = now;
                        lastProbe = now;
                    }
                }
            }
            case FAIL -> giveUp(job, outcome.error(), now);
            default -> throw new IllegalStateException(outcome.type().name());
        }
    }

    private void giveUp(OutboxJob job, String error, Instant now) {
        log.error("outbox job {} ({}, incident {}) failed for good: {}", job.id(), job.kind(), job.incident(), error);
        storage.run(r -> r.outbox().markFailed(job.id(), now, error));
        try {
            handler.failed(job, error);
        } catch (RuntimeException e) {
            log.warn("could not report failed outbox job {}", job.id(), e);
        }
    }

    /** @return the wait before attempt {@code attempts + 2}: the shared {@link Backoff} after {@code attempts + 1} failures */
    Duration backoff(int attempts) {
        return backoff.delay(attempts + 1);
    }
}
