package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.render.ChannelPosts;

/**
 * Posts an announcement into the announcement channel, worded from the payload's snapshot (what the
 * incident was when the announcement was written), linking to the incident channel. Of a private
 * incident only the declaration is announced, without details.
 */
public final class AnnounceJob implements KindHandler<SlackJob.Announce> {
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
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.Announce queued) {
        SlackJob.Announce payload = queued.announcement() instanceof SlackJob.Unversioned u
                ? new SlackJob.Announce(fromIncident(u, incident)) : queued;
        if (announceChannel == null
                || incident.privateIncident() && !(payload.announcement() instanceof SlackJob.Declared)) {
            return Outcome.done();
        }
        String link = payload.announcement() instanceof SlackJob.Resolved ? draftLink.apply(incident.number()) : null;
        return posts.post(job, announceChannel, ChannelPosts.announcement(payload.announcement(), incident.channelId(), link));
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
