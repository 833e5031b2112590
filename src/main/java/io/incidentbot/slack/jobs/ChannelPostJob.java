package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.slack.render.FollowUpPosts;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.render.ChannelPosts;

/** Posts a change (the payload's typed event, rendered by {@link ChannelPosts}) into the incident channel. */
public final class ChannelPostJob implements KindHandler<SlackJob.ChannelPost> {
    private final Posts posts;

    /** @param posts posts at most once per job */
    public ChannelPostJob(Posts posts) {
        this.posts = posts;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.ChannelPost payload) {
        // A post queued by an older release carries its text, written then.
        if (payload.event() instanceof IncidentEvent.FollowUpRecorded f) {
            // a follow-up's message carries its Done / Won't do / Create issue buttons (issue 22)
            String text = ChannelPosts.post(f);
            SlackCalls.Result<String> r = posts.postOnce(job, incident.channelId(), text,
                    FollowUpPosts.blocks(text, f.followUpId(), true));
            return r.failure() != null ? r.failure() : Outcome.done();
        }
        return posts.post(job, incident.channelId(), payload.event() != null ? ChannelPosts.post(payload.event())
                : payload.text());
    }
}
