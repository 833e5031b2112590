package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.slack.render.Announcements;
import io.incidentbot.slack.render.ChannelPosts;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.render.UserText;

/**
 * Posts an announcement into the announcement channel, worded from the payload's snapshot (what the
 * incident was when the announcement was written), linking to the incident channel. Of a private
 * incident only the declaration is announced, without details. In {@link AnnounceStyle#THREAD} (the default)
 * later announcements are replies in the thread of the incident's first one, which shows its current state.
 */
public final class AnnounceJob implements KindHandler<SlackJob.Announce> {
    /** What {@code slack_text} keeps an incident's announcement {@code ts} under, followed by the channel ID. */
    static final String PARENT = "announcement:";

    private final Posts posts;
    private final String announceChannel;
    private final java.util.function.LongFunction<String> draftLink;
    private final AnnounceStyle style;
    private final MethodsClient client;
    private final Deliveries deliveries;
    private PerIncident perIncident = PerIncident.NONE;

    /** @param announceChannel channel ID for announcements, or null when none is configured */
    public AnnounceJob(Posts posts, String announceChannel) {
        this(posts, announceChannel, n -> null);
    }

    /**
     * Each announcement a message of its own ({@link AnnounceStyle#MESSAGES}).
     *
     * @param announceChannel channel ID for announcements, or null when none is configured
     * @param draftLink       the permalink of an incident's postmortem draft by incident number, or null
     */
    public AnnounceJob(Posts posts, String announceChannel, java.util.function.LongFunction<String> draftLink) {
        this(posts, announceChannel, draftLink, AnnounceStyle.MESSAGES, null, null);
    }

    private AnnounceJob(Posts posts, String announceChannel, java.util.function.LongFunction<String> draftLink,
                        AnnounceStyle style, MethodsClient client, Deliveries deliveries) {
        this.posts = posts;
        this.announceChannel = announceChannel;
        this.draftLink = draftLink;
        this.style = style;
        this.client = client;
        this.deliveries = deliveries;
    }

    /**
     * @param style      {@code INCIDENT_ANNOUNCE_STYLE}; with {@link AnnounceStyle#THREAD} an incident's first
     *                   announcement is its one message in the channel (its {@code ts} kept per incident and channel
     *                   in {@code slack_text}, so it survives a restart), each later one a reply in its thread
     *                   ({@code thread_ts}) after which the first is edited ({@code chat.update}) to show the
     *                   incident's current state
     * @param client     Web API client with the bot token, for {@code chat.update}
     * @param deliveries where the first announcement's {@code ts} is kept
     * @return this handler announcing in that style
     */
    public AnnounceJob threaded(AnnounceStyle style, MethodsClient client, Deliveries deliveries) {
        return new AnnounceJob(posts, announceChannel, draftLink, style, client, deliveries);
    }

    /**
     * @param perIncident gives an incident's own announcement channel (its type's), used instead of the configured one
     * @return this handler
     */
    public AnnounceJob perIncident(PerIncident perIncident) {
        this.perIncident = perIncident;
        return this;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.Announce queued) {
        String own = perIncident.announceChannel(incident);
        return deliver(job, incident, queued, own != null ? own : announceChannel);
    }

    private Outcome deliver(OutboxJob job, Incident incident, SlackJob.Announce queued, String announceChannel) {
        SlackJob.Announce payload = queued.announcement() instanceof SlackJob.Unversioned u
                ? new SlackJob.Announce(fromIncident(u, incident)) : queued;
        if (announceChannel == null
                || incident.privateIncident() && !(payload.announcement() instanceof SlackJob.Declared)) {
            return Outcome.done();
        }
        String link = payload.announcement() instanceof SlackJob.Resolved ? draftLink.apply(incident.number()) : null;
        String text = ChannelPosts.announcement(payload.announcement(), incident.channelId(), link, perIncident.names());
        if (style != AnnounceStyle.THREAD) {
            return posts.post(job, announceChannel, text);
        }
        String key = PARENT + announceChannel;
        String parent = deliveries.lastSent(incident.number(), key).orElse(null);
        if (parent == null && !(payload.announcement() instanceof SlackJob.Declared)) {
            // no thread to reply in (declared before an upgrade, or before this channel was set): posted on its own,
            // never made a parent, since a parent is later edited to the current state and its text would be lost
            return posts.post(job, announceChannel, text);
        }
        SlackCalls.Result<String> r = posts.postOnce(job, announceChannel, Messages.truncate(text, Posts.MAX_MESSAGE),
                null, parent);
        if (r.failure() != null) {
            return r.failure();
        }
        if (parent == null) {
            // the incident's first announcement (or the first since the channel changed): the thread's parent
            deliveries.sent(incident.number(), key, r.response());
            return Outcome.done();
        }
        SlackCalls.Result<ChatUpdateResponse> u = SlackCalls.run("chat.update", () -> client.chatUpdate(req -> req
                .channel(announceChannel).ts(parent).text(UserText.outgoing(
                        Announcements.current(incident, incident.channelId(), draftLink.apply(incident.number()), perIncident.names())))));
        // a parent deleted by someone stays deleted: the reply is posted, the job is done
        return u.ok() || "message_not_found".equals(u.error()) || "cant_update_message".equals(u.error())
                ? Outcome.done() : SlackCalls.failed("chat.update", u);
    }

    /**
     * An announcement queued before announcements carried a snapshot: worded from the incident as it is
     * now, as the release that queued it did.
     */
    static SlackJob.Announcement fromIncident(SlackJob.Unversioned u, Incident i) {
        return switch (u.type()) {
            case "update" -> new SlackJob.Update(i.number(), i.severity(), i.status(),
                    u.user() != null ? u.user() : i.declaredBy(), u.text() == null ? "" : u.text());
            case "resolved" -> new SlackJob.Resolved(i.number(), i.title(), i.declaredAt(),
                    i.resolvedAt() != null ? i.resolvedAt() : i.declaredAt(), i.resolutionSummary());
            default -> new SlackJob.Declared(i.number(), i.severity(), i.title(), i.declaredBy(), i.privateIncident());
        };
    }
}
