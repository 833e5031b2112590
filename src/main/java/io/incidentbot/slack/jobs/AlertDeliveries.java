package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Incident;
import io.incidentbot.slack.render.AlertPosts;
import io.incidentbot.store.AlertRepository.DigestEntry;
import io.incidentbot.store.AlertRepository.Group;
import io.incidentbot.store.AlertRepository.StoredAlert;
import io.incidentbot.store.AlertRepository.StoredTransition;
import io.incidentbot.store.Storage;


import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the Slack adapter's alert-group job needs (see {@link SlackSubscriber} on coalescing): take the
 * group's queued job and read the group as it is, then record what Slack answered.
 */
public final class AlertDeliveries {
    /** Most new transitions one incident-channel digest reads; the rest are counted. */
    public static final int DIGEST_READ = 500;

    private final Storage storage;
    private final Clock clock;

    /** @param storage the database; @param clock the time a job is taken */
    public AlertDeliveries(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * The group as its Slack job shows it.
     *
     * @param group    the group
     * @param incident its incident while that is open (a digest goes to its channel), else empty (the
     *                 message goes to the alerts channel)
     * @param alerts   every alert of the group, latest state
     * @param fresh    for a digest: transitions not posted yet, oldest first, at most {@link #DIGEST_READ}
     * @param freshTotal how many transitions are not posted yet
     */
    public record Snapshot(Group group, Optional<Incident> incident, List<StoredAlert> alerts,
                           List<StoredTransition> fresh, long freshTotal) {
    }

    /**
     * Takes the group's queued job (a later notification queues a new one, due 10 s from now) and reads
     * the group, in one transaction.
     *
     * @return the snapshot, or empty for a group that does not exist
     */
    public Optional<Snapshot> take(long groupId) {
        return storage.transaction(r -> r.alerts().takeForSlack(groupId, clock.instant()).map(g -> {
            Optional<Incident> inc = g.incident() == null ? Optional.empty()
                    : r.incidents().find(g.incident()).filter(Incident::isOpen);
            List<StoredTransition> fresh = inc.isEmpty() ? List.of()
                    : r.alerts().transitionsAfter(groupId, g.postedThrough(), DIGEST_READ);
            long total = inc.isEmpty() ? 0 : r.alerts().countAfter(groupId, g.postedThrough());
            return new Snapshot(g, inc, r.alerts().alerts(groupId), fresh, total);
        }));
    }

    /** Records the {@code ts} of the group's message in the alerts channel. */
    public void messagePosted(long groupId, String ts) {
        storage.run(r -> r.alerts().messagePosted(groupId, ts));
    }

    /**
     * Records that the digest posted transitions up to ID {@code transitionId}; when more wait (a digest
     * reads at most {@link #DIGEST_READ}), queues the next digest {@link SlackSubscriber#ALERT_INTERVAL} after
     * this one.
     */
    public void digestPosted(long groupId, long transitionId) {
        storage.run(r -> {
            r.alerts().postedThrough(groupId, transitionId);
            r.alerts().find(groupId).ifPresent(g -> {
                if (!g.slackPending() && r.alerts().countAfter(groupId, transitionId) > 0) {
                    Instant last = g.lastSlackAt() != null ? g.lastSlackAt() : clock.instant();
                    SlackJobs.enqueue(r.outbox(), -groupId, new SlackJob.AlertGroup(groupId),
                            last.plus(SlackSubscriber.ALERT_INTERVAL));
                    r.alerts().slackQueued(groupId);
                }
            });
        });
    }

    /**
     * A storm digest as its message shows it.
     *
     * @param entries the first {@link io.incidentbot.slack.render.AlertPosts#LISTED_IN_STORM} groups listed
     * @param total   how many groups it lists
     * @param since   when its first group joined
     */
    public record Storm(List<DigestEntry> entries, long total, Instant since) {
    }

    /** @return the storm digest whose message is group {@code anchor}'s */
    public Storm storm(Group anchor) {
        return storage.read(r -> new Storm(r.alerts().digest(anchor.id(), AlertPosts.LISTED_IN_STORM),
                r.alerts().digestSize(anchor.id()), anchor.digestAt()));
    }

    /** @return alert group {@code groupId}'s title (for the declare modal the button opens), if it exists */
    public Optional<String> title(long groupId) {
        return storage.read(r -> r.alerts().find(groupId).map(Group::title));
    }
}
