package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.JobPayload;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.render.ChannelPosts;

/**
 * Posts an announcement into the announcement channel, worded from the payload's snapshot (what the
 * incident was when the announcement was written), linking to the incident channel. Of a private
 * incident only the declaration is announced, without details.
 */
public final class AnnounceJob implements KindHandler<JobPayload.Announce> {
    private final Posts posts;
    private final String announceChannel;
    private final java.util.function.LongFunction<String> draftLink;

    /** @param announceChannel channel ID for announcements, or null when none is configured */
    public AnnounceJob(Posts posts, String announceChannel) {
        this(posts, announceChannel, n -> null);
    }

    /**
     * @param announceChannel channel ID for announcements, or null when none is configured
     * @param draftLink       the permalink of an incident's postmortem draft by incident number, or null
     */
    public AnnounceJob(Posts posts, String announceChannel, java.util.function.LongFunction<String> draftLink) {
        this.posts = posts;
        this.announceChannel = announceChannel;
        this.draftLink = draftLink;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, JobPayload.Announce payload) {
        if (announceChannel == null
                || incident.privateIncident() && !(payload.announcement() instanceof JobPayload.Declared)) {
            return Outcome.done();
        }
        String link = payload.announcement() instanceof JobPayload.Resolved ? draftLink.apply(incident.number()) : null;
        return posts.post(job, announceChannel, ChannelPosts.announcement(payload.announcement(), incident.channelId(), link));
    }
}
