package io.incidentbot.slack.render;

import io.incidentbot.markup.Mentions;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentEvent.FollowUpRecorded;
import io.incidentbot.incident.IncidentEvent.NoteAdded;
import io.incidentbot.incident.IncidentEvent.Reopened;
import io.incidentbot.incident.IncidentEvent.RoleAssigned;
import io.incidentbot.incident.IncidentEvent.SeverityChanged;
import io.incidentbot.incident.IncidentEvent.StatusChanged;
import io.incidentbot.incident.IncidentEvent.StatusUpdatePosted;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.slack.jobs.SlackJob;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.incidentbot.markup.Mentions.of;

/**
 * What the bot posts into an incident channel and the announcement channel, as pure functions of the
 * typed records, and the parser that reads the bot's own change posts back (the import of a Slack
 * export uses it). {@code parse(render(e), e.at())} gives {@code e} back for every kind it parses.
 */
public final class ChannelPosts {
    private static final String USER = Mentions.MENTION.pattern();
    // "Status " is optional: posts before issue 13 said "changed status: Status investigating → identified"
    private static final Pattern STATUS = Pattern.compile(USER + " changed status: (?:Status )?([a-z]+) → ([a-z]+)");
    private static final Pattern REOPENED = Pattern.compile(USER + " reopened incident (\\d+): (?:Status )?([a-z]+) → ([a-z]+)");
    private static final Pattern SEVERITY = Pattern.compile(USER + " changed severity: Severity (SEV[1-4])[^→]* → (SEV[1-4])");
    private static final Pattern ROLE = Pattern.compile(USER + " assigned (?:[^:]* \\()?(lead|comms|scribe)\\)?: " + USER);

    private ChannelPosts() {
    }

    /** @return the incident channel post announcing {@code event} (Slack mrkdwn), severities and roles by their codes */
    public static String post(IncidentEvent event) {
        return post(event, Names.CODES);
    }

    /**
     * @param names what severities and roles are called (the process file's names)
     * @return the incident channel post announcing {@code event} (Slack mrkdwn)
     */
    public static String post(IncidentEvent event, Names names) {
        if (event instanceof StatusChanged e) {
            return of(e.actor()) + " changed status: " + statusChange(e.from(), e.to());
        } else if (event instanceof Reopened e) {
            return ":warning: " + of(e.actor()) + " reopened incident " + e.incident() + ": " + statusChange(e.from(), e.to());
        } else if (event instanceof SeverityChanged e) {
            return of(e.actor()) + " changed severity: Severity " + names.severity(e.from()) + " → " + names.severity(e.to());
        } else if (event instanceof RoleAssigned e) {
            return of(e.actor()) + " assigned " + role(e.role(), names) + ": " + of(e.user());
        } else if (event instanceof NoteAdded e) {
            return ":memo: Note from " + of(e.actor()) + ": " + UserText.inert(e.text());
        } else if (event instanceof StatusUpdatePosted e) {
            return ":loudspeaker: Status update from " + of(e.actor()) + ": " + UserText.inert(e.text());
        } else if (event instanceof FollowUpRecorded e) {
            return ":clipboard: Follow-up recorded by " + of(e.actor()) + ": " + UserText.inert(e.text())
                    + (e.owner() == null ? "" : " (owner " + of(e.owner()) + ")");
        } else if (event instanceof IncidentEvent.AlertsResolved e) {
            return AlertPosts.allResolved(e);
        } else if (event instanceof IncidentEvent.FollowUpStateChanged e) {
            return followUpChange(e);
        } else if (event instanceof IncidentEvent.PageChanged e) {
            return pageChanged(e);
        } else if (event instanceof IncidentEvent.FieldChanged e) {
            return ":pencil2: " + entryText(e.entryText()) + " by " + of(e.actor());
        }
        throw new IllegalArgumentException("no post for " + event);
    }

    /** A follow-up closed or reopened, by a Slack user or (source {@code tracker}) in its tracker issue. */
    private static String followUpChange(IncidentEvent.FollowUpStateChanged e) {
        String who = "tracker".equals(e.source()) ? "`" + UserText.inert(e.actor()) + "` in the tracker" : of(e.actor());
        String what = switch (e.state()) {
            case "done" -> ":white_check_mark: Follow-up done";
            case "wont_do" -> ":no_entry_sign: Follow-up won't be done";
            default -> ":arrows_counterclockwise: Follow-up reopened";
        };
        return what + " (" + who + "): " + UserText.inert(e.text());
    }

    /**
     * @return ":pager: Acknowledged by Ana (PagerDuty)"; a page that failed for good: ":x: " with the pager's error
     *         and how to page again
     */
    private static String pageChanged(IncidentEvent.PageChanged e) {
        String text = entryText(e.text());
        return e.failed() ? ":x: " + text + "\nPage again with `/incident page retry`." : ":pager: " + text;
    }

    /** @return a command entry's text as mrkdwn: user tokens as mentions, nothing else live */
    private static String entryText(String text) {
        return UserText.inert(io.incidentbot.timeline.TimelineEntry.USER_TOKEN.matcher(text).replaceAll("<@$1>"));
    }

    /** @return {@code lead}, or a renamed role with its key: {@code Incident commander (lead)} (import reads the key) */
    private static String role(io.incidentbot.incident.Role role, Names names) {
        String shown = names.role(role);
        return shown.equals(role.label()) ? shown : shown + " (" + role.label() + ")";
    }

    private static String statusChange(Status from, Status to) {
        return from.label() + " → " + to.label();
    }

    /**
     * Reads a status, reopen, severity or role post of this bot back into its record.
     *
     * @param text the post's text as exported
     * @param at   the post's time (from its {@code ts}), which becomes the record's time
     * @return the record, or empty for any other text
     */
    public static Optional<IncidentEvent> parse(String text, Instant at) {
        return parse(text, 0, at);
    }

    /**
     * As {@link #parse(String, Instant)}, for the posts of incident {@code incident} (a reopen post names its
     * incident itself).
     */
    public static Optional<IncidentEvent> parse(String text, long incident, Instant at) {
        Matcher s = STATUS.matcher(text);
        if (s.find() && Status.parse(s.group(2)).isPresent() && Status.parse(s.group(3)).isPresent()) {
            return Optional.of(new StatusChanged(incident, s.group(1), Status.parse(s.group(2)).get(), Status.parse(s.group(3)).get(), at));
        }
        Matcher o = REOPENED.matcher(text);
        if (o.find() && Status.parse(o.group(3)).isPresent() && Status.parse(o.group(4)).isPresent()) {
            return Optional.of(new Reopened(Long.parseLong(o.group(2)), o.group(1), Status.parse(o.group(3)).get(),
                    Status.parse(o.group(4)).get(), at));
        }
        Matcher v = SEVERITY.matcher(text);
        if (v.find()) {
            return Optional.of(new SeverityChanged(incident, v.group(1), Severity.valueOf(v.group(2)), Severity.valueOf(v.group(3)), at));
        }
        Matcher r = ROLE.matcher(text);
        if (r.find()) {
            return Optional.of(new RoleAssigned(incident, r.group(1), Role.parse(r.group(2)).orElseThrow(), r.group(3), at));
        }
        return Optional.empty();
    }

    /**
     * @param a         the announcement as it stood when it was written
     * @param channelId the incident channel ({@code C...}) to link to
     * @return the announcement channel post; a private incident's declaration names nothing
     */
    public static String announcement(SlackJob.Announcement a, String channelId) {
        return announcement(a, channelId, null);
    }

    /**
     * @param a         the announcement as it stood when it was written
     * @param channelId the incident channel ({@code C...}) to link to
     * @param draftLink for a resolution: the postmortem draft's permalink, or null to point at the channel
     * @return the announcement channel post; a resolution carries its summary and a link to the draft
     */
    public static String announcement(SlackJob.Announcement a, String channelId, String draftLink) {
        return announcement(a, channelId, draftLink, Names.CODES);
    }

    /**
     * @param names what severities are called (the process file's names)
     * @return the announcement channel post
     */
    public static String announcement(SlackJob.Announcement a, String channelId, String draftLink, Names names) {
        if (a instanceof SlackJob.Declared d) {
            return d.privateIncident()
                    ? ":lock: A private incident was declared. Details are shared with its responders only."
                    : ":rotating_light: *" + names.severity(d.severity()) + "* incident " + d.incident() + " declared by "
                            + of(d.declaredBy()) + ": *" + Messages.escape(d.title()) + "*\nFollow along in <#" + channelId + ">.";
        } else if (a instanceof SlackJob.Update u) {
            return ":loudspeaker: *Incident " + u.incident() + "* (" + names.severity(u.severity()) + ", "
                    + u.status().label() + ") update from " + of(u.actor()) + " in <#" + channelId + ">:\n" + UserText.inert(u.text());
        } else if (a instanceof SlackJob.Escalated x) {
            return ":arrow_double_up: Incident " + x.incident() + " (*" + Messages.escape(x.title()) + "*) escalated from "
                    + names.severity(x.from()) + " to *" + names.severity(x.to()) + "* by " + of(x.actor()) + ". Follow along in <#" + channelId + ">.";
        } else if (a instanceof SlackJob.Reopened o) {
            return ":warning: Incident " + o.incident() + " (*" + Messages.escape(o.title()) + "*, " + names.severity(o.severity())
                    + ") was reopened by " + of(o.actor()) + ", now " + o.status().label() + ". Follow along in <#" + channelId + ">.";
        } else if (a instanceof SlackJob.Resolved r) {
            return ":white_check_mark: Incident " + r.incident() + " (*" + Messages.escape(r.title())
                    + "*) is resolved after " + Messages.duration(Duration.between(r.declaredAt(), r.resolvedAt()))
                    + ". <#" + channelId + ">"
                    + (r.summary() == null || r.summary().isBlank() ? "" : "\n*Resolution:* " + UserText.inert(r.summary().strip()))
                    + "\n*Postmortem draft:* " + (draftLink != null ? "<" + draftLink + "|incident-" + r.incident()
                    + "-postmortem.md>" : "in <#" + channelId + ">");
        }
        throw new IllegalArgumentException("no announcement for " + a);
    }
}
