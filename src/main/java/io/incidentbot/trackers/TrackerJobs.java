package io.incidentbot.trackers;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.Transactions;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.trackers.client.IssueDraft;
import io.incidentbot.trackers.client.TrackerClient;
import io.incidentbot.trackers.client.TrackerException;
import io.incidentbot.trackers.client.TrackerIssue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the tracker subscriber's two outbox job kinds do (issue 22), independent of how the jobs are routed:
 * <ul>
 *   <li>{@link #create}: makes the tracker issue of a follow-up whose export is pending (claimed once through
 *       {@link io.incidentbot.store.TrackerRepository#claimExport}), records its key and URL; a refusal for good
 *       (401, 404, 410, 400, 422) is recorded on the follow-up with the tracker's error (its channel message shows it) and the job fails, so
 *       {@code retry} can offer it again; other failures are retried with the tracker's {@code Retry-After};</li>
 *   <li>{@link #sync}: closes (done / won't do) or reopens the issue of a follow-up whose state changed in Slack,
 *       with a comment saying who did it. A job whose state is no longer the follow-up's (changed again since)
 *       does nothing: the later job carries the latest state. State changes that came from the tracker are
 *       never queued (see {@link #wantsSync}), so nothing loops.</li>
 * </ul>
 */
public final class TrackerJobs {
    /**
     * Payload of a create job.
     *
     * @param followUp the follow-up's ID
     */
    public record CreateIssue(long followUp) {
    }

    /**
     * Payload of a sync job: a snapshot of the change made in Slack.
     *
     * @param followUp the follow-up's ID
     * @param state    {@code open}, {@code done} or {@code wont_do}
     * @param actor    Slack user ID of who changed it
     * @param at       when
     */
    public record SyncIssue(long followUp, String state, String actor, Instant at) {
    }

    private static final Logger log = LoggerFactory.getLogger(TrackerJobs.class);

    private final Transactions transactions;
    private final Storage storage;
    private final TrackerClient client;
    private final UserMap users;
    private final Clock clock;

    /**
     * @param transactions units of work with the subscribers (the bot's): storing a created issue's link records
     *                     {@link IncidentEvent.FollowUpIssueCreated} in the same transaction, and storing a refusal
     *                     {@link IncidentEvent.FollowUpIssueRefused}
     * @param client       the configured tracker
     * @param users        Slack user to tracker identity, for the assignee
     * @param clock        "now" for the records
     */
    public TrackerJobs(Transactions transactions, TrackerClient client, UserMap users, Clock clock) {
        this.transactions = transactions;
        this.storage = transactions.storage();
        this.client = client;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Decides whether a follow-up's state change must be sent to its tracker issue: only when the change was
     * made in Slack and the issue exists or is being created.
     *
     * @param after  the follow-up after the change
     * @param source {@code slack} or {@code tracker}
     * @return true to queue a sync job
     */
    public static boolean wantsSync(FollowUpRecord after, String source) {
        return "slack".equals(source) && after.link() != null && after.link().status() != TrackerLink.Status.FAILED;
    }

    /** Creates the issue of a pending export, on a first attempt. */
    public Outcome create(CreateIssue job) {
        return create(job, false);
    }

    /**
     * Creates the issue of a pending export.
     *
     * @param mayHaveGoneThrough true when an earlier attempt may have created it although its answer was lost (the
     *                           outbox job's earlier attempts): the tracker is searched for the follow-up's
     *                           marker first ({@link TrackerClient#findCreated}), so a retry does not
     *                           create a second issue (GitHub and GitLab by the marker line of the body, Jira by
     *                           the follow-up's label)
     */
    public Outcome create(CreateIssue job, boolean mayHaveGoneThrough) {
        Optional<IssueDraft> draft = storage.read(r -> draft(r, job.followUp()));
        if (draft.isEmpty()) {
            return Outcome.done(); // no longer pending: created already, failed, or the follow-up is gone
        }
        TrackerIssue issue;
        try {
            Optional<TrackerIssue> earlier = mayHaveGoneThrough ? client.findCreated(draft.get()) : Optional.empty();
            if (earlier.isEmpty()) {
                Optional<Duration> wait = mayHaveGoneThrough ? searchNotCaughtUp(job.followUp()) : Optional.empty();
                if (wait.isPresent()) {
                    return Outcome.retry("waiting for " + client.provider()
                            + "'s search to show an issue an earlier attempt may have made", wait.get());
                }
                storage.run(r -> r.trackers().createAttempted(job.followUp(), clock.instant()));
            }
            issue = earlier.isPresent() ? earlier.get() : client.create(draft.get());
        } catch (TrackerException e) {
            if (e.permanent()) {
                // the refusal and the event in one transaction: the follow-up's message shows the error (issue 22)
                transactions.run(w -> {
                    if (w.repositories().trackers().exportFailed(job.followUp(), e.getMessage(), clock.instant())) {
                        w.record(new IncidentEvent.FollowUpIssueRefused(draft.get().incident(), null, job.followUp(),
                                client.provider(), e.getMessage(), w.now()));
                    }
                    return null;
                });
                return Outcome.fail(e.getMessage());
            }
            return Outcome.retry(e.getMessage(), e.retryAfter());
        }
        // the link and the event in one transaction: the follow-up's message shows the link at once (issue 22)
        transactions.run(w -> {
            if (w.repositories().trackers().exported(job.followUp(), issue.key(), issue.url(), clock.instant())) {
                w.record(new IncidentEvent.FollowUpIssueCreated(draft.get().incident(), null, job.followUp(),
                        issue.provider(), issue.key(), issue.url(), w.now()));
            }
            return null;
        });
        log.info("created {} issue {} for follow-up {}", issue.provider(), issue.key(), job.followUp());
        FollowUpRecord now = storage.read(r -> r.trackers().find(job.followUp())).orElseThrow();
        if (now.state().closed() && "slack".equals(now.source())) {
            // closed in Slack while the issue was being created: close it too
            return sync(new SyncIssue(now.id(), now.state().word(), now.closedBy(), now.closedAt()));
        }
        return Outcome.done();
    }

    /**
     * @return how long to wait before searching again, when the last create attempt was less than the tracker's
     *         {@link TrackerClient#searchLag} ago (its issue may exist but not show in the search yet); empty to create
     */
    private Optional<Duration> searchNotCaughtUp(long followUp) {
        Duration lag = client.searchLag();
        if (lag.isZero()) {
            return Optional.empty();
        }
        Optional<Instant> last = storage.read(r -> r.trackers().createAttemptedAt(followUp));
        Instant now = clock.instant();
        return last.map(at -> at.plus(lag)).filter(now::isBefore).map(searchable -> Duration.between(now, searchable));
    }

    /** Sends a state change made in Slack to the issue. */
    public Outcome sync(SyncIssue job) {
        FollowUpRecord f = storage.read(r -> r.trackers().find(job.followUp())).orElse(null);
        if (f == null || f.link() == null || f.link().status() != TrackerLink.Status.CREATED
                || !f.state().word().equals(job.state())) {
            return Outcome.done();
        }
        String who = storage.read(r -> r.userNames().find(job.actor())).orElse(job.actor());
        FollowUpState state = FollowUpState.of(job.state());
        String comment = switch (state) {
            case DONE -> "Marked done in Slack by " + who + " (incident " + f.incident() + ").";
            case WONT_DO -> "Marked won't do in Slack by " + who + " (incident " + f.incident() + ").";
            case OPEN -> "Reopened in Slack by " + who + " (incident " + f.incident() + ").";
        };
        try {
            if (state == FollowUpState.OPEN) {
                client.reopen(f.link().key(), comment);
            } else {
                client.close(f.link().key(), state == FollowUpState.DONE, comment);
            }
            return Outcome.done();
        } catch (TrackerException e) {
            return e.permanent() ? Outcome.fail(e.getMessage()) : Outcome.retry(e.getMessage(), e.retryAfter());
        }
    }

    private Optional<IssueDraft> draft(Repositories r, long followUpId) {
        Optional<FollowUpRecord> found = r.trackers().find(followUpId);
        if (found.isEmpty() || found.get().link() == null || found.get().link().status() != TrackerLink.Status.PENDING) {
            return Optional.empty();
        }
        FollowUpRecord f = found.get();
        Incident incident = r.incidents().find(f.incident()).orElseThrow();
        // a private incident's title stays in Slack: the tracker may be readable by more people
        String title = incident.privateIncident() ? "(a private incident)" : incident.title();
        String channel = incident.channelId() == null || incident.privateIncident() ? null
                : "https://slack.com/app_redirect?channel=" + incident.channelId();
        // the draft's link (a Slack file) only for a public incident, like the channel
        String postmortem = incident.privateIncident() ? null
                : r.outbox().lastSent(f.incident(), io.incidentbot.trackers.seen.SeenBeforeSource.POSTMORTEM).orElse(null);
        String askedBy = name(r, f.createdBy());
        String owner = f.ownerId() == null ? null : name(r, f.ownerId());
        String assignee = users.find(f.ownerId()).map(id -> switch (client.provider()) {
            case "github" -> id.github();
            case "jira" -> id.jira();
            default -> id.gitlab();
        }).orElse(null);
        return Optional.of(new IssueDraft(f.id(), f.text(), f.incident(), title, incident.severity().name(), channel, postmortem,
                askedBy, owner, assignee, f.due(), f.priority()));
    }

    private static String name(Repositories r, String userId) {
        return r.userNames().find(userId).map(n -> n + " (" + userId + ")").orElse(userId);
    }
}
