package io.incidentbot.outbox;

import java.time.Instant;

/**
 * A Web API call (or short sequence of calls) to make on Slack, stored durably in the same
 * transaction as the state change that needs it, then delivered by the {@link OutboxWorker}.
 *
 * @param id            database ID; jobs of one incident run in ID order
 * @param incident      incident number (the ordering key), 0 for jobs about no incident
 * @param kind          what to do
 * @param payload       JSON arguments of the kind (e.g. text to post)
 * @param attempts      delivery attempts started before this one (more than 0: an earlier attempt may
 *                      have reached Slack even though its answer was lost)
 * @param nextAttemptAt earliest time of the next attempt
 * @param createdAt     when the job was recorded
 */
public record OutboxJob(long id, long incident, Kind kind, String payload, int attempts,
                        Instant nextAttemptAt, Instant createdAt) {

    /** The kinds of Slack work the outbox delivers. */
    public enum Kind {
        /** {@code conversations.create} for the incident channel (adopting it after a lost answer). */
        CREATE_CHANNEL,
        /** {@code conversations.invite} of payload {@code users}. */
        INVITE,
        /** {@code conversations.setTopic} from the incident's current state. */
        SYNC_TOPIC,
        /** {@code chat.postMessage} of the header the first time, {@code chat.update} afterwards. */
        SYNC_HEADER,
        /** {@code chat.postMessage} of payload {@code text} into the incident channel. */
        POST_CHANNEL,
        /** {@code chat.postMessage} of payload {@code text} into the announcement channel. */
        ANNOUNCE,
        /** Draft the postmortem and upload it ({@code files.getUploadURLExternal}, {@code files.completeUploadExternal}, canvas). */
        POSTMORTEM,
        /** Tell payload {@code user} something through the command's {@code response_url}. */
        RESPOND,
        /** {@code chat.postMessage} of a reminder (update due, lead missing, unowned follow-ups) with its buttons. */
        REMIND,
        /** {@code chat.getPermalink} of a message made a key event from elsewhere, then its quote in the incident channel. */
        QUOTE,
        /** Coalesced Slack work of one alert group: its alerts-channel message or a digest in its incident channel. */
        ALERT_GROUP,
        /** {@code chat.postMessage} of the changes before a newly declared incident into its channel. */
        POST_CHANGES
    }
}
