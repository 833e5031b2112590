package io.incidentbot.slack.jobs;

import io.incidentbot.ops.DatabaseGauges;
import io.incidentbot.store.OutboxRepository;

import java.util.Set;
import java.util.TreeSet;

/**
 * The first Web API method each outbox job kind calls, named as {@code slack/web/SlackCalls} names it in a
 * job's error ({@code <method>: <error>}), so the outbox's pending gauge and its retried and failed
 * counters share one {@code method} tag. A kind's later calls (the header's {@code chat.update} once it is
 * posted, the canvas after the postmortem upload) are not told apart: a waiting job has not called
 * anything yet. The switch has no default on purpose: a new kind does not compile until it is named here.
 */
public final class JobMethods {
    /** The {@code method} of {@link SlackJob.Kind#RESPOND}: a POST to a slash command's {@code response_url}. */
    public static final String RESPONSE_URL = "response_url";

    private JobMethods() {
    }

    /** @return every method {@link #first(SlackJob.Kind)} names */
    public static Set<String> all() {
        Set<String> methods = new TreeSet<>();
        for (SlackJob.Kind k : SlackJob.Kind.values()) {
            methods.add(first(k));
        }
        return methods;
    }

    /**
     * @param subscribers the names of the outbox's subscribers ({@code outbox/Subscribers#names})
     * @return the pending gauge's series: each of {@link #all()} for Slack's jobs, one for each other subscriber
     *         (its name as the method, as {@link #first(OutboxRepository.JobType)} gives it)
     */
    public static Set<DatabaseGauges.Series> series(Set<String> subscribers) {
        Set<DatabaseGauges.Series> series = new java.util.HashSet<>();
        for (String s : subscribers) {
            if (SlackJobs.SUBSCRIBER.equals(s)) {
                all().forEach(m -> series.add(new DatabaseGauges.Series(s, m)));
            } else {
                series.add(new DatabaseGauges.Series(s, s));
            }
        }
        return series;
    }

    /**
     * @param type a job's subscriber and kind
     * @return {@link #first(SlackJob.Kind)} for a Slack job; another subscriber's name for its jobs
     */
    public static String first(OutboxRepository.JobType type) {
        if (SlackJobs.SUBSCRIBER.equals(type.subscriber())) {
            for (SlackJob.Kind k : SlackJob.Kind.values()) {
                if (k.name().equals(type.kind())) {
                    return first(k);
                }
            }
        }
        return type.subscriber();
    }

    /**
     * @param kind a Slack job kind
     * @return e.g. {@code chat.postMessage}; {@value #RESPONSE_URL} for {@link SlackJob.Kind#RESPOND}
     */
    public static String first(SlackJob.Kind kind) {
        return switch (kind) {
            case CREATE_CHANNEL -> "conversations.create";
            case INVITE -> "conversations.invite";
            case SYNC_TOPIC -> "conversations.setTopic";
            case SYNC_HEADER, POST_CHANNEL, ANNOUNCE, REMIND, ALERT_GROUP, POST_CHANGES, POST_ACTION -> "chat.postMessage";
            case POSTMORTEM -> "filesUploadV2";
            case RESPOND -> RESPONSE_URL;
            case QUOTE -> "chat.getPermalink";
            case SYNC_FOLLOW_UP -> "chat.update";
        };
    }
}
