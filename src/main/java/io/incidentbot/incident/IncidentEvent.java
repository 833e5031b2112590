package io.incidentbot.incident;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.incidentbot.reminders.ReminderNote;

import java.time.Instant;

/**
 * A fact a use case recorded about an incident, in the domain's words: what changed, who changed it and
 * when. Use cases hand each one to {@link UnitOfWork#record}, which gives it to every
 * {@link IncidentSubscriber} inside the same transaction; a subscriber (the Slack adapter, a pager, a status
 * page) decides which outside work the fact needs and enqueues it. Events never name a Slack job, an HTTP
 * call or a command's syntax.
 *
 * <p>Every record is Jackson-serialisable (tagged by {@code event}; unknown fields are ignored), so a
 * subscriber may store one in its outbox payload as the snapshot of what a message must say.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = IncidentEvent.Declared.class, name = "declared"),
        @JsonSubTypes.Type(value = IncidentEvent.StatusChanged.class, name = "status_changed"),
        @JsonSubTypes.Type(value = IncidentEvent.Reopened.class, name = "reopened"),
        @JsonSubTypes.Type(value = IncidentEvent.SeverityChanged.class, name = "severity_changed"),
        @JsonSubTypes.Type(value = IncidentEvent.RoleAssigned.class, name = "role_assigned"),
        @JsonSubTypes.Type(value = IncidentEvent.NoteAdded.class, name = "note_added"),
        @JsonSubTypes.Type(value = IncidentEvent.StatusUpdatePosted.class, name = "status_update_posted"),
        @JsonSubTypes.Type(value = IncidentEvent.FollowUpRecorded.class, name = "follow_up_recorded"),
        @JsonSubTypes.Type(value = IncidentEvent.FollowUpStateChanged.class, name = "follow_up_state_changed"),
        @JsonSubTypes.Type(value = IncidentEvent.FollowUpIssueCreated.class, name = "follow_up_issue_created"),
        @JsonSubTypes.Type(value = IncidentEvent.FollowUpIssueRefused.class, name = "follow_up_issue_refused"),
        @JsonSubTypes.Type(value = IncidentEvent.Resolved.class, name = "resolved"),
        @JsonSubTypes.Type(value = IncidentEvent.AlertsResolved.class, name = "alerts_resolved"),
        @JsonSubTypes.Type(value = IncidentEvent.AlertLinked.class, name = "alert_linked"),
        @JsonSubTypes.Type(value = IncidentEvent.AlertsReceived.class, name = "alerts_received"),
        @JsonSubTypes.Type(value = IncidentEvent.PostmortemRequested.class, name = "postmortem_requested"),
        @JsonSubTypes.Type(value = IncidentEvent.KeyEventQuoted.class, name = "key_event_quoted"),
        @JsonSubTypes.Type(value = IncidentEvent.ReminderDue.class, name = "reminder_due"),
        @JsonSubTypes.Type(value = IncidentEvent.ChannelRetried.class, name = "channel_retried"),
        @JsonSubTypes.Type(value = IncidentEvent.Cancelled.class, name = "cancelled"),
        @JsonSubTypes.Type(value = IncidentEvent.PageChanged.class, name = "page_changed"),
        @JsonSubTypes.Type(value = IncidentEvent.FieldChanged.class, name = "field_changed"),
        @JsonSubTypes.Type(value = IncidentEvent.Invited.class, name = "invited"),
        @JsonSubTypes.Type(value = IncidentEvent.MilestonesCorrected.class, name = "milestones_corrected")
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface IncidentEvent {
    /** @return the incident number (0 only for {@link AlertsReceived} of an alert group with no open incident) */
    long incident();

    /** @return Slack user ID of who made the change (the bot's own for changes it made; null for reminders) */
    String actor();

    /** @return when the change was committed */
    Instant at();

    /**
     * An incident was declared: stored with status {@code investigating}, the declarer as lead unless
     * {@code byAlert} (an alert group declared it and the lead is open).
     *
     * @param replyTo where to tell the declarer when outside work for the declare fails for good (for a
     *                slash command its {@code response_url}); opaque to the domain, may be null
     */
    record Declared(long incident, String actor, Severity severity, String title, boolean privateIncident,
                    boolean byAlert, Instant at, String replyTo) implements IncidentEvent {
        /** A declare with nobody to tell of a failure. */
        public Declared(long incident, String actor, Severity severity, String title, boolean privateIncident,
                        boolean byAlert, Instant at) {
            this(incident, actor, severity, title, privateIncident, byAlert, at, null);
        }
    }

    /** The status moved forward or back, without leaving {@code resolved} (to may be {@code resolved}). */
    record StatusChanged(long incident, String actor, Status from, Status to, Instant at) implements IncidentEvent {
    }

    /** A resolved incident got another status again. */
    record Reopened(long incident, String actor, Status from, Status to, Instant at) implements IncidentEvent {
    }

    /** The severity changed. */
    record SeverityChanged(long incident, String actor, Severity from, Severity to, Instant at) implements IncidentEvent {
    }

    /** {@code user} (Slack user ID) now holds {@code role} and takes part in the incident. */
    record RoleAssigned(long incident, String actor, Role role, String user, Instant at) implements IncidentEvent {
    }

    /** A note was added to the timeline. */
    record NoteAdded(long incident, String actor, String text, Instant at) implements IncidentEvent {
    }

    /** A status update for stakeholders was recorded. */
    record StatusUpdatePosted(long incident, String actor, String text, Instant at) implements IncidentEvent {
    }

    /**
     * A follow-up was recorded.
     *
     * @param followUpId its stored ID
     * @param owner      Slack user ID, or null when nobody was named
     */
    record FollowUpRecorded(long incident, String actor, long followUpId, String text, String owner, Instant at)
            implements IncidentEvent {
    }

    /**
     * A follow-up was closed (done, won't do) or reopened, in Slack or in its tracker issue; recorded also after the
     * incident is resolved.
     *
     * @param actor      Slack user ID, or {@code github:login} / {@code jira:accountId} / {@code gitlab:username}
     *                   when the change came from the tracker
     * @param followUpId its stored ID
     * @param text       the follow-up's text
     * @param state      the new state's word: {@code open}, {@code done} or {@code wont_do}
     * @param source     {@code slack} or {@code tracker}
     */
    record FollowUpStateChanged(long incident, String actor, long followUpId, String text, String state, String source,
                                Instant at) implements IncidentEvent {
    }

    /**
     * A follow-up's tracker issue was created and its link stored (issue 22), so the follow-up's own message can show
     * the link at once.
     *
     * @param actor      null: the bot made the issue (someone asked for it earlier, or export is automatic)
     * @param followUpId its stored ID
     * @param provider   {@code github}, {@code jira} or {@code gitlab}
     * @param key        the issue's key, e.g. {@code acme/ops#3}, {@code OPS-7}
     * @param url        the issue's web page
     */
    record FollowUpIssueCreated(long incident, String actor, long followUpId, String provider, String key, String url,
                                Instant at) implements IncidentEvent {
    }

    /**
     * The tracker refused a follow-up's issue for good (issue 22: 401, 404, 410, 400/422), and the refusal was
     * stored, so the follow-up's own message can show the tracker's error and how to ask again.
     *
     * @param actor      null: the bot asked the tracker
     * @param followUpId its stored ID
     * @param provider   {@code github}, {@code jira} or {@code gitlab}
     * @param error      the tracker's error, e.g. {@code GitHub 401: Bad credentials}
     */
    record FollowUpIssueRefused(long incident, String actor, long followUpId, String provider, String error, Instant at)
            implements IncidentEvent {
    }

    /**
     * The incident was resolved, recorded after the {@link StatusChanged} to {@code resolved}.
     *
     * @param summary      the resolution summary given now, or the stored one, null when none
     * @param firstResolve false when an incident resolved already only got a new summary
     */
    record Resolved(long incident, String actor, String summary, boolean firstResolve, Instant at)
            implements IncidentEvent {
    }

    /**
     * Every alert of the alert group that declared the incident has resolved ({@code alerts} of them);
     * the bot suggests {@code monitoring} and never resolves by itself. {@code actor} is the bot.
     */
    record AlertsResolved(long incident, String actor, int alerts, Instant at) implements IncidentEvent {
    }

    /** Alert group {@code group} now belongs to the incident (it declared it, or was declared from). */
    record AlertLinked(long incident, String actor, long group, Instant at) implements IncidentEvent {
    }

    /**
     * Alert group {@code group} received {@code transitions} new alert transitions.
     *
     * @param incident the group's open incident, or 0 when it has none
     */
    record AlertsReceived(long incident, String actor, long group, int transitions, Instant at)
            implements IncidentEvent {
    }

    /** Someone asked for the postmortem draft again. */
    record PostmortemRequested(long incident, String actor, Instant at) implements IncidentEvent {
    }

    /**
     * A message from another channel was made a key event: timeline entry {@code entryId}.
     *
     * @param channel Slack channel ID of the message
     * @param ts      the message's Slack {@code ts}
     * @param author  Slack user ID of its author, may be null (bots)
     * @param text    its text as Slack sent it (mrkdwn)
     */
    record KeyEventQuoted(long incident, String actor, long entryId, String channel, String ts, String author,
                          String text, Instant at) implements IncidentEvent {
    }

    /** A reminder is due ({@code note} says what about); {@code actor} is null (nobody made it). */
    record ReminderDue(long incident, String actor, ReminderNote note, Instant at) implements IncidentEvent {
    }

    /**
     * The declarer asked to create the incident's channel again after it failed for good.
     *
     * @param replyTo as in {@link Declared}
     */
    record ChannelRetried(long incident, String actor, String replyTo, Instant at) implements IncidentEvent {
    }

    /** The declarer closed an incident whose channel could not be created (it is resolved with {@code reason}). */
    record Cancelled(long incident, String actor, String reason, Instant at) implements IncidentEvent {
    }

    /**
     * The incident's page changed (issue 21): it was paged, a pager reported an acknowledgement, escalation,
     * reassignment, note or resolve, or a page failed for good. {@code actor} is who paged, null when a pager
     * reported it or a page failed.
     *
     * @param text   what happened, in a timeline entry's words ("Acknowledged by Ana (PagerDuty)"; escaped as
     *               {@code TimelineEntry.literal}, users as {@code TimelineEntry.userToken})
     * @param invite who to invite to the incident (the acknowledger): a Slack user ID, or an email to look up (when
     *               the pager gave one), or null
     * @param failed true when a page failed for good ({@code text} holds the pager's error); it can be paged again
     */
    record PageChanged(long incident, String actor, String text, String invite, boolean failed, Instant at)
            implements IncidentEvent {
    }

    /**
     * A custom field of the incident's type (issue 25's process file) was set, changed or cleared.
     *
     * @param field the field's key, e.g. {@code customer_impact}
     * @param label the field's label, e.g. {@code Customer impact}
     * @param from  the old value as a timeline entry shows it (escaped as {@code TimelineEntry.literal}, users as
     *              {@code TimelineEntry.userToken}), null when it was unset
     * @param to    the new value, likewise; null when it was cleared
     */
    record FieldChanged(long incident, String actor, String field, String label, String from, String to, Instant at)
            implements IncidentEvent {
        /**
         * @return the timeline entry's text, e.g. {@code Field Customer impact: some → all} ({@code unset} for no
         *         value; the label escaped as {@code TimelineEntry.literal})
         */
        public String entryText() {
            return "Field " + io.incidentbot.timeline.TimelineEntry.literal(label) + ": " + (from == null ? "unset" : from)
                    + " → " + (to == null ? "unset" : to);
        }
    }

    /**
     * People were asked into the incident's channel: on declare, the users and user groups of the incident's type
     * (issue 25), or with {@code /incident invite}.
     *
     * @param users      Slack user IDs ({@code U...})
     * @param usergroups Slack user group IDs ({@code S...}); their members are invited as they are when invited
     */
    record Invited(long incident, String actor, java.util.List<String> users, java.util.List<String> usergroups, Instant at)
            implements IncidentEvent {
        /** Copies the lists. */
        public Invited {
            users = java.util.List.copyOf(users);
            usergroups = java.util.List.copyOf(usergroups);
        }
    }

    /**
     * People set or corrected milestones of the incident (issue 25, {@code /incident timestamps}); the correction's
     * timeline entry is a {@link NoteAdded} recorded with it. The header shows when impact started.
     */
    record MilestonesCorrected(long incident, String actor, Instant at) implements IncidentEvent {
    }
}
