package io.incidentbot.slack.jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;

import java.time.Instant;
import java.util.List;

/**
 * The Slack adapter's outbox jobs: one payload record per {@link Kind}, stored as JSON ({@link SlackJobs},
 * through {@code outbox/Payloads}; which record to read is given by the job's kind). A payload that a message
 * is made from carries a snapshot of what the message must say, taken when the job was written:
 * delivery may come much later, after the incident changed again.
 *
 * <p>{@link SyncTopic} and {@link SyncHeader} carry no snapshot on purpose: they make the channel topic
 * and the header message show the incident as it is, and since one incident's jobs are delivered in
 * order, the last one delivered shows the latest state either way.
 */
public sealed interface SlackJob {
    /** @return the job kind this payload belongs to */
    @JsonIgnore
    Kind kind();

    /**
     * The kinds of Slack work, stored by name in the job's {@code kind} (the names of the release before
     * subscribers, so its stored jobs are read as they are).
     */
    enum Kind {
        /** {@code conversations.create} for the incident channel (adopting it after a lost answer). */
        CREATE_CHANNEL,
        /** {@code conversations.invite} of payload {@code users}. */
        INVITE,
        /** {@code conversations.setTopic} from the incident's current state. */
        SYNC_TOPIC,
        /** {@code chat.postMessage} of the header the first time, {@code chat.update} afterwards. */
        SYNC_HEADER,
        /** {@code chat.postMessage} of a change into the incident channel. */
        POST_CHANNEL,
        /** {@code chat.postMessage} of an announcement into the announcement channel. */
        ANNOUNCE,
        /** Draft the postmortem and upload it ({@code files.getUploadURLExternal}, {@code files.completeUploadExternal}, canvas). */
        POSTMORTEM,
        /** Tell someone something through the command's {@code response_url}. */
        RESPOND,
        /** {@code chat.postMessage} of a reminder (update due, lead missing, unowned follow-ups) with its buttons. */
        REMIND,
        /** {@code chat.getPermalink} of a message made a key event from elsewhere, then its quote in the incident channel. */
        QUOTE,
        /** Coalesced Slack work of one alert group: its alerts-channel message or a digest in its incident channel. */
        ALERT_GROUP,
        /** {@code chat.postMessage} of the changes before a newly declared incident into its channel. */
        POST_CHANGES,
        /** {@code chat.postMessage} of everything one human action changed, as one message (issue 24). */
        POST_ACTION,
        /** {@code chat.update} of a follow-up's own message after its state changed (issue 22). */
        SYNC_FOLLOW_UP
    }

    /** @param responseUrl the slash command's {@code response_url} to tell the declarer of a failure, may be null */
    record CreateChannel(String responseUrl) implements SlackJob {
        public Kind kind() {
            return Kind.CREATE_CHANNEL;
        }
    }

    /**
     * @param users       Slack user IDs to invite
     * @param responseUrl as in {@link CreateChannel}, may be null
     * @param emails      emails of people to invite too, when a Slack user has it ({@code users.lookupByEmail});
     *                    empty in jobs written before issue 21
     */
    record Invite(List<String> users, String responseUrl, List<String> emails) implements SlackJob {
        public Invite {
            users = List.copyOf(users);
            emails = emails == null ? List.of() : List.copyOf(emails);
        }

        /** Invites {@code users}. */
        public Invite(List<String> users, String responseUrl) {
            this(users, responseUrl, List.of());
        }

        public Kind kind() {
            return Kind.INVITE;
        }
    }

    /** Set the channel topic from the incident's current state. */
    record SyncTopic() implements SlackJob {
        public Kind kind() {
            return Kind.SYNC_TOPIC;
        }
    }

    /** Post or update the header message from the incident's current state. @param responseUrl may be null */
    record SyncHeader(String responseUrl) implements SlackJob {
        public Kind kind() {
            return Kind.SYNC_HEADER;
        }
    }

    /**
     * Post the change {@code event} into the incident channel; a job of an older release may carry its
     * {@code text} (mrkdwn) instead.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChannelPost(IncidentEvent event, String text) implements SlackJob {
        /** A post of {@code event}. */
        public ChannelPost(IncidentEvent event) {
            this(event, null);
        }

        public Kind kind() {
            return Kind.POST_CHANNEL;
        }
    }

    /**
     * Post what one human action changed into the incident channel as one message
     * ({@link io.incidentbot.slack.render.ActionPosts}): {@code events} as recorded, in order; a resolve links
     * the postmortem draft as it is when delivered (the draft job goes before it in the incident's lane).
     */
    record ActionPost(List<IncidentEvent> events) implements SlackJob {
        public ActionPost {
            events = List.copyOf(events);
        }

        public Kind kind() {
            return Kind.POST_ACTION;
        }
    }

    /** Post {@code announcement} into the announcement channel. */
    record Announce(Announcement announcement) implements SlackJob {
        public Kind kind() {
            return Kind.ANNOUNCE;
        }
    }

    /** Draft the postmortem and upload it; @param user Slack user ID of who asked */
    record Postmortem(String user) implements SlackJob {
        public Kind kind() {
            return Kind.POSTMORTEM;
        }
    }

    /** Tell someone {@code text} (Slack mrkdwn, written by the adapter) through {@code responseUrl}. */
    record Respond(String responseUrl, String text) implements SlackJob {
        public Kind kind() {
            return Kind.RESPOND;
        }
    }

    /**
     * Bring follow-up {@code followUp}'s own message in the incident channel up to date (its state, who changed
     * it and when, its tracker link, the buttons of its state). Like {@link SyncHeader} it carries no snapshot on
     * purpose: it shows the follow-up as it is when delivered.
     */
    record SyncFollowUp(long followUp) implements SlackJob {
        public Kind kind() {
            return Kind.SYNC_FOLLOW_UP;
        }
    }

    /** Post the reminder {@code note} into the incident channel (never once the incident is resolved). */
    record Remind(io.incidentbot.reminders.ReminderNote note) implements SlackJob {
        public Kind kind() {
            return Kind.REMIND;
        }
    }

    /**
     * Bring alert group {@code group}'s Slack message up to date: post or update (in place) its message
     * in {@code INCIDENT_ALERTS_CHANNEL}, or post a digest of its new transitions in its incident's
     * channel. Like {@link SyncHeader} it carries no snapshot on purpose: it coalesces every notification
     * that arrived while it waited (its ordering key is {@code -group}, see
     * {@link io.incidentbot.alerts.AlertService}), so it shows the group as it is when delivered.
     */
    record AlertGroup(long group) implements SlackJob {
        public Kind kind() {
            return Kind.ALERT_GROUP;
        }
    }

    /**
     * A message from another channel was made a key event (timeline entry {@code entryId}): look up its
     * permalink, add it to the entry and quote the message in the incident channel.
     *
     * @param channel Slack channel ID of the message
     * @param ts      the message's Slack {@code ts}
     * @param author  Slack user ID of its author, may be null (bots)
     * @param text    its text as Slack sent it (mrkdwn)
     */
    record Quote(long entryId, String channel, String ts, String author, String text) implements SlackJob {
        public Kind kind() {
            return Kind.QUOTE;
        }
    }

    /**
     * Post "Changes in the ... before this incident" into a newly declared incident's channel.
     *
     * @param window  {@code INCIDENT_CHANGE_WINDOW}
     * @param changes the most recent changes in the window, most recent first (at most 10), as stored at declare
     * @param total   how many changes the window holds
     */
    record ChangesPost(java.time.Duration window, List<io.incidentbot.changes.Change> changes, long total)
            implements SlackJob {
        public ChangesPost {
            changes = List.copyOf(changes);
        }

        public Kind kind() {
            return Kind.POST_CHANGES;
        }
    }

    /** What an announcement says, as it stood when it was written. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Declared.class, name = "declared"),
            @JsonSubTypes.Type(value = Update.class, name = "update"),
            @JsonSubTypes.Type(value = Resolved.class, name = "resolved"),
            @JsonSubTypes.Type(value = Escalated.class, name = "escalated"),
            @JsonSubTypes.Type(value = Reopened.class, name = "reopened")
    })
    sealed interface Announcement {
        /** @return incident number */
        long incident();
    }

    /**
     * An announcement queued by a release before snapshots ({@code {"type":"declared"}},
     * {@code {"type":"update","text":..,"user":..}}, {@code {"type":"resolved","user":..}}): worded from the
     * incident as it is when delivered. Read only, never written.
     *
     * @param type {@code declared}, {@code update} or {@code resolved}
     * @param text the update's text, else null
     * @param user Slack user ID of who wrote it, may be null
     */
    record Unversioned(long incident, String type, String text, String user) implements Announcement {
    }

    /** An incident was declared; a private one is announced without details. */
    record Declared(long incident, Severity severity, String title, String declaredBy, boolean privateIncident)
            implements Announcement {
    }

    /** {@code actor} raised the severity from {@code from} to the more severe {@code to} (issue 24). */
    record Escalated(long incident, String title, Severity from, Severity to, String actor) implements Announcement {
    }

    /** {@code actor} reopened the resolved incident, now {@code status} at {@code severity} (issue 24). */
    record Reopened(long incident, String title, Severity severity, Status status, String actor) implements Announcement {
    }

    /** A status update from {@code actor}, with the severity and status the incident had when it was written. */
    record Update(long incident, Severity severity, Status status, String actor, String text) implements Announcement {
    }

    /**
     * The incident was resolved at {@code resolvedAt}, declared at {@code declaredAt}, with the resolution
     * {@code summary} given (null when none; payloads written before it existed read as null).
     */
    record Resolved(long incident, String title, Instant declaredAt, Instant resolvedAt, String summary)
            implements Announcement {
        /** A resolution announced without a summary. */
        public Resolved(long incident, String title, Instant declaredAt, Instant resolvedAt) {
            this(incident, title, declaredAt, resolvedAt, null);
        }
    }
}
