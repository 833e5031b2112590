package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.slack.render.FollowUpPosts;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.render.ActionPosts;
import io.incidentbot.slack.render.ChannelPosts;

import java.util.function.LongFunction;

/** Posts a change (the payload's typed event, rendered by {@link ChannelPosts}) into the incident channel. */
public final class ChannelPostJob implements KindHandler<SlackJob.ChannelPost> {
    private final io.incidentbot.slack.render.Names names;
    private final Posts posts;
    private final Deliveries deliveries;
    private final boolean trackers;

    /**
     * @param posts      posts at most once per job
     * @param deliveries remembers the {@code ts} of each follow-up's message ({@link FollowUpMessageJob#key}), so
     *                   it can be updated when the follow-up changes
     * @param trackers   true when a tracker is set up: a follow-up's message offers <em>Create issue</em>
     */
    ChannelPostJob(Posts posts, Deliveries deliveries, boolean trackers) {
        this(posts, deliveries, trackers, io.incidentbot.slack.render.Names.CODES);
    }

    /** @param names what severities and roles are called (the process file's names) */
    ChannelPostJob(Posts posts, Deliveries deliveries, boolean trackers, io.incidentbot.slack.render.Names names) {
        this.names = names;
        this.posts = posts;
        this.deliveries = deliveries;
        this.trackers = trackers;
    }

    /**
     * Posts one action's changes as one message ({@link ActionPosts}), a resolve with the link to the draft the
     * job before it in the lane uploaded.
     *
     * @param draftLink the permalink of an incident's postmortem draft by incident number, or null
     */
    static KindHandler<SlackJob.ActionPost> action(Posts posts, LongFunction<String> draftLink) {
        return action(posts, draftLink, io.incidentbot.slack.render.Names.CODES);
    }

    /** As above, severities and roles called by {@code names}. */
    static KindHandler<SlackJob.ActionPost> action(Posts posts, LongFunction<String> draftLink, io.incidentbot.slack.render.Names names) {
        return (job, incident, payload) -> {
            String link = payload.events().stream().anyMatch(e -> e instanceof IncidentEvent.Resolved)
                    ? draftLink.apply(incident.number()) : null;
            SlackCalls.Result<String> r = posts.postOnce(job, incident.channelId(),
                    ActionPosts.text(payload.events(), link, names), ActionPosts.blocks(payload.events(), link, names));
            return r.failure() != null ? r.failure() : Outcome.done();
        };
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.ChannelPost payload) {
        // A post queued by an older release carries its text, written then.
        if (payload.event() instanceof IncidentEvent.FollowUpRecorded f) {
            // a follow-up's message carries its Done / Won't do / Create issue buttons (issue 22)
            String text = ChannelPosts.post(f);
            SlackCalls.Result<String> r = posts.postOnce(job, incident.channelId(), text,
                    FollowUpPosts.blocks(text, f.followUpId(), true, trackers));
            if (r.failure() != null) {
                return r.failure();
            }
            if (r.response() != null) {
                deliveries.sent(incident.number(), FollowUpMessageJob.key(f.followUpId()), r.response());
            }
            return Outcome.done();
        }
        return posts.post(job, incident.channelId(), payload.event() != null ? ChannelPosts.post(payload.event(), names)
                : payload.text());
    }
}
