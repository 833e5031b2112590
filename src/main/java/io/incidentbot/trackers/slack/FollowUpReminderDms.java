package io.incidentbot.trackers.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import io.incidentbot.incident.IncidentQueries;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.JobRoutes;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.jobs.Posts;
import io.incidentbot.slack.render.FollowUpPosts;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.store.Storage;
import io.incidentbot.store.StorageUnavailableException;
import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.FollowUpReminders;
import io.incidentbot.trackers.FollowUpState;
import io.incidentbot.trackers.TrackerLink;
import io.incidentbot.trackers.TrackerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Overdue follow-up reminders as Slack DMs (issue 22, {@code INCIDENT_FOLLOWUP_REMIND}): {@link #sendDueQuietly}
 * claims the due reminders ({@link FollowUpReminders}, once across replicas, each one an outbox job queued with its
 * claim) and the routes deliver each job as {@code chat.postMessage} into the app's DM with the owner
 * ({@code conversations.open}, scope {@code im:write}; posted at most once: a retry after a lost answer first looks
 * for the job's tag in the DM's history, {@code conversations.history}, scope {@code im:history}), with the follow-up's line ({@link FollowUpLines#line}) and its <em>Done</em> /
 * <em>Won't do</em> buttons ({@link FollowUpPosts}), which {@link FollowUpButtons} answers from the DM as from the
 * channel. A reminder whose follow-up was closed, handed to someone else, or belongs to a private incident its owner
 * may no longer see, is dropped.
 */
public final class FollowUpReminderDms {
    private static final Logger log = LoggerFactory.getLogger(FollowUpReminderDms.class);

    private final MethodsClient client;
    private final Storage storage;
    private final IncidentQueries queries;
    private final FollowUpReminders reminders;
    private final boolean trackers;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param client   Web API client with the bot token
     * @param storage  the bot's storage
     * @param queries  who may see which incident
     * @param settings the tracker settings: {@code INCIDENT_FOLLOWUP_REMIND} (null: off) and whether a tracker is set
     *                 up (the DM offers <em>Create issue</em>)
     * @param clock    "now"
     * @param zone     {@code INCIDENT_TIMEZONE}: due dates are calendar days there
     */
    public FollowUpReminderDms(MethodsClient client, Storage storage, IncidentQueries queries, TrackerSettings settings,
                               Clock clock, ZoneId zone) {
        this.client = client;
        this.storage = storage;
        this.queries = queries;
        this.reminders = new FollowUpReminders(storage, clock, zone, settings.remind());
        this.trackers = settings.provider() != null;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Claims the reminders due now and queues their DMs; a failure is logged (at DEBUG while the database is
     * unavailable, {@link StorageUnavailableException#warnUnlessOutage}) and tried at the next call.
     */
    public void sendDueQuietly() {
        try {
            int n = reminders.claimDue().size();
            if (n > 0) {
                log.info("{} overdue follow-up reminder(s) queued", n);
            }
        } catch (RuntimeException e) {
            // one line per outage, not one per 10 s tick (issue 24): the storage logs its start and end
            StorageUnavailableException.warnUnlessOutage(log, e, "follow-up reminder check failed; trying again at the next one: {}");
        }
    }

    /** @return the routing table of subscriber {@value FollowUpReminders#SUBSCRIBER} */
    public JobRoutes routes() {
        return JobRoutes.of(FollowUpReminders.SUBSCRIBER)
                .route(FollowUpReminders.KIND, FollowUpReminders.Due.class, this::deliver)
                .onFailed((job, error) -> log.warn("follow-up reminder of incident {} not sent: {}", job.incident(), error));
    }

    Outcome deliver(OutboxJob job, FollowUpReminders.Due due) {
        Optional<FollowUpRecord> found = storage.read(r -> r.trackers().find(due.followUp()));
        if (found.isEmpty() || found.get().state() != FollowUpState.OPEN || !due.owner().equals(found.get().ownerId())
                || queries.findVisible(found.get().incident(), due.owner()).isEmpty()) {
            return Outcome.done();
        }
        FollowUpRecord f = found.get();
        String text = text(f, LocalDate.now(clock.withZone(zone)), reminders.every());
        boolean createIssue = trackers && (f.link() == null || f.link().status() == TrackerLink.Status.FAILED);
        // the DM's channel ID (conversations.open is idempotent), so that a retry after a lost answer can look for the
        // job's tag in the DM's history (Posts.postOnce) and not remind twice
        SlackCalls.Result<ConversationsOpenResponse> dm = SlackCalls.run("conversations.open",
                () -> client.conversationsOpen(req -> req.users(List.of(due.owner()))));
        if (!dm.ok()) {
            return SlackCalls.failed("conversations.open", dm);
        }
        SlackCalls.Result<String> r = new Posts(client).postOnce(job, dm.response().getChannel().getId(), text,
                FollowUpPosts.blocks(text, f.id(), true, createIssue));
        return r.failure() != null ? r.failure() : Outcome.done();
    }

    /**
     * @return e.g. ":alarm_clock: *Your follow-up is overdue* (reminded every 7 days until it is closed):" and the
     *         follow-up's {@link FollowUpLines#line}
     */
    static String text(FollowUpRecord f, LocalDate today, Duration every) {
        long minutes = every.toMinutes();
        String interval = minutes % (24 * 60) == 0 ? count(every.toDays(), "day")
                : minutes % 60 == 0 ? count(every.toHours(), "hour") : count(minutes, "minute");
        return ":alarm_clock: *Your follow-up is overdue* (reminded every " + interval + " until it is done or won't be):\n"
                + FollowUpLines.line(f, today);
    }

    private static String count(long n, String unit) {
        return n == 1 ? unit : n + " " + unit + "s";
    }
}
