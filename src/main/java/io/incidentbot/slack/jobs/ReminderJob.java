package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.reminders.ReminderNote;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.slack.render.ReminderPosts;

/**
 * A reminder ({@code chat.postMessage} with buttons) in the incident channel. An update or lead
 * reminder whose incident was resolved after it was queued is dropped: nothing is sent for a resolved
 * incident; the unowned follow-ups list is sent because it belongs to the resolution.
 */
public final class ReminderJob implements KindHandler<SlackJob.Remind> {
    private final Posts posts;

    /** @param posts posts at most once per job */
    public ReminderJob(Posts posts) {
        this.posts = posts;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.Remind payload) {
        ReminderNote note = payload.note();
        if (!incident.isOpen() && !(note instanceof ReminderNote.UnownedFollowUps)) {
            return Outcome.done();
        }
        SlackCalls.Result<String> r = posts.postOnce(job, incident.channelId(), ReminderPosts.text(note),
                ReminderPosts.blocks(note));
        return r.failure() != null ? r.failure() : Outcome.done();
    }
}
