package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Incident;
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
        return posts.post(job, incident.channelId(), payload.event() != null ? ChannelPosts.post(payload.event())
                : payload.text());
    }
}
