package io.incidentbot.slack.jobs;

import io.incidentbot.outbox.OutboxJob;

/**
 * The first Web API method each outbox job kind calls, named as {@code slack/SlackCalls} names it in a
 * job's error ({@code <method>: <error>}), so the outbox's pending gauge and its retried and failed
 * counters share one {@code method} tag. A kind's later calls (the header's {@code chat.update} once it is
 * posted, the canvas after the postmortem upload) are not told apart: a waiting job has not called
 * anything yet. The switch has no default on purpose: a new kind does not compile until it is named here.
 */
public final class JobMethods {
    /** The {@code method} of {@link OutboxJob.Kind#RESPOND}: a POST to a slash command's {@code response_url}. */
    public static final String RESPONSE_URL = "response_url";

    private JobMethods() {
    }

    /**
     * @param kind an outbox job kind
     * @return e.g. {@code chat.postMessage}; {@value #RESPONSE_URL} for {@link OutboxJob.Kind#RESPOND}
     */
    public static String first(OutboxJob.Kind kind) {
        return switch (kind) {
            case CREATE_CHANNEL -> "conversations.create";
            case INVITE -> "conversations.invite";
            case SYNC_TOPIC -> "conversations.setTopic";
            case SYNC_HEADER, POST_CHANNEL, ANNOUNCE, REMIND, ALERT_GROUP, POST_CHANGES -> "chat.postMessage";
            case POSTMORTEM -> "filesUploadV2";
            case RESPOND -> RESPONSE_URL;
            case QUOTE -> "chat.getPermalink";
        };
    }
}
