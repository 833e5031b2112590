package io.incidentbot.slack.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.Payloads;
import io.incidentbot.store.OutboxRepository;

import java.time.Instant;
import java.util.Map;

/**
 * Writes the Slack adapter's jobs into the outbox (subscriber {@value #SUBSCRIBER}) and reads them back,
 * including the shapes stored by earlier releases, so a backlog queued before an upgrade is still delivered:
 * <ul>
 *   <li>payloads without a {@code "v"} field (the release before subscribers): a channel post's event has
 *       no {@code incident} field, which is taken from the job's lane, and a follow-up's no
 *       {@code followUpId} (read as 0);</li>
 *   <li>older still (before typed payloads, e.g. commit 621b8ea): an announcement is
 *       {@code {"type":"declared"}}, {@code {"type":"update","text":..,"user":..}} or
 *       {@code {"type":"resolved","user":..}} and a channel post is {@code {"text":..}}.</li>
 * </ul>
 */
public final class SlackJobs {
    /** The subscriber name of the Slack adapter's jobs (the default of jobs stored before subscribers). */
    public static final String SUBSCRIBER = "slack";
    /** The job that creates an incident's channel, for the domain's "channel could not be created" check. */
    public static final OutboxRepository.JobType CREATES_CHANNEL =
            new OutboxRepository.JobType(SUBSCRIBER, SlackJob.Kind.CREATE_CHANNEL.name());

    private static final Map<SlackJob.Kind, Class<? extends SlackJob>> TYPES = Map.ofEntries(
            Map.entry(SlackJob.Kind.REMIND, SlackJob.Remind.class),
            Map.entry(SlackJob.Kind.QUOTE, SlackJob.Quote.class),
            Map.entry(SlackJob.Kind.CREATE_CHANNEL, SlackJob.CreateChannel.class),
            Map.entry(SlackJob.Kind.INVITE, SlackJob.Invite.class),
            Map.entry(SlackJob.Kind.SYNC_TOPIC, SlackJob.SyncTopic.class),
            Map.entry(SlackJob.Kind.SYNC_HEADER, SlackJob.SyncHeader.class),
            Map.entry(SlackJob.Kind.POST_CHANNEL, SlackJob.ChannelPost.class),
            Map.entry(SlackJob.Kind.ANNOUNCE, SlackJob.Announce.class),
            Map.entry(SlackJob.Kind.POSTMORTEM, SlackJob.Postmortem.class),
            Map.entry(SlackJob.Kind.RESPOND, SlackJob.Respond.class),
            Map.entry(SlackJob.Kind.ALERT_GROUP, SlackJob.AlertGroup.class),
            Map.entry(SlackJob.Kind.POST_CHANGES, SlackJob.ChangesPost.class),
            Map.entry(SlackJob.Kind.POST_ACTION, SlackJob.ActionPost.class),
            Map.entry(SlackJob.Kind.SYNC_FOLLOW_UP, SlackJob.SyncFollowUp.class));

    private SlackJobs() {
    }

    /** @return the payload as JSON object text, with its version */
    public static String write(SlackJob payload) {
        return Payloads.write(payload);
    }

    /**
     * Records a Slack job of the payload's kind.
     *
     * @param lane ordering key: the incident number (or {@code -group} for an alert group's own lane)
     * @param at   when the job is due
     * @return the job's ID
     */
    public static long enqueue(OutboxRepository outbox, long lane, SlackJob payload, Instant at) {
        return outbox.enqueue(lane, SUBSCRIBER, payload.kind().name(), write(payload), at);
    }

    /** Drops the never-attempted pending Slack jobs of {@code kind} of an incident but the newest. */
    static void dropOlderPending(OutboxRepository outbox, long incident, SlackJob.Kind kind) {
        outbox.dropOlderPending(incident, SUBSCRIBER, kind.name());
    }

    /** @return the job's kind, or null when it is no kind of this adapter */
    public static SlackJob.Kind kind(OutboxJob job) {
        try {
            return SlackJob.Kind.valueOf(job.kind());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @return the job's payload as the record of its kind, whichever release wrote it
     * @throws Payloads.UnreadablePayloadException when it is neither (the worker marks the job failed)
     */
    public static SlackJob read(OutboxJob job) {
        SlackJob.Kind kind = kind(job);
        if (kind == null) {
            throw new Payloads.UnreadablePayloadException(job, "no Slack job kind");
        }
        ObjectNode tree = Payloads.tree(job);
        if (Payloads.version(tree) == 0) {
            if (kind == SlackJob.Kind.ANNOUNCE && tree.has("type") && !tree.has("announcement")) {
                return new SlackJob.Announce(new SlackJob.Unversioned(job.incident(), tree.path("type").asText(),
                        text(tree, "text"), text(tree, "user")));
            }
            if (kind == SlackJob.Kind.POST_CHANNEL && !tree.has("event")) {
                if (!tree.path("text").isTextual()) {
                    throw new Payloads.UnreadablePayloadException(job, "a channel post with neither event nor text");
                }
                return new SlackJob.ChannelPost(null, tree.path("text").asText());
            }
            if (tree.get("event") instanceof ObjectNode event) {
                if (!event.has("incident")) {
                    event.put("incident", job.incident());
                }
                if ("follow_up_recorded".equals(event.path("event").asText()) && !event.has("followUpId")) {
                    event.put("followUpId", 0L); // not recorded then; the post does not show it
                }
            }
        }
        return Payloads.read(job, tree, TYPES.get(kind));
    }

    /** @see #read(OutboxJob) */
    public static <T extends SlackJob> T read(OutboxJob job, Class<T> type) {
        SlackJob p = read(job);
        if (!type.isInstance(p)) {
            throw new Payloads.UnreadablePayloadException(job, "not a " + type.getSimpleName());
        }
        return type.cast(p);
    }

    private static String text(JsonNode tree, String field) {
        JsonNode n = tree.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
