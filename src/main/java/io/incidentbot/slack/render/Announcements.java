package io.incidentbot.slack.render;

import io.incidentbot.incident.Incident;

import java.time.Duration;

import static io.incidentbot.markup.Mentions.of;

/**
 * The one announcement message of an incident in {@code INCIDENT_ANNOUNCE_STYLE=thread} (issue 24), edited in
 * place to show the incident as it is now; the announcements themselves ({@link ChannelPosts#announcement}) are
 * replies in its thread.
 */
public final class Announcements {
    private Announcements() {
    }

    /**
     * @param incident  the incident as it is now
     * @param channelId its channel ({@code C...}) to link to
     * @param draftLink the permalink of its postmortem draft, or null
     * @return the parent message's text (Slack mrkdwn): severity, title, status (or how long it took, once resolved),
     *         lead, and where to follow; a private incident's names nothing
     */
    public static String current(Incident incident, String channelId, String draftLink) {
        return current(incident, channelId, draftLink, Names.CODES);
    }

    /** @param names what severities are called; @return the parent message's text */
    public static String current(Incident incident, String channelId, String draftLink, Names names) {
        if (incident.privateIncident()) {
            return ":lock: A private incident was declared. Details are shared with its responders only.";
        }
        String head = "*" + names.severity(incident.severity()) + "* incident " + incident.number() + ": *"
                + Messages.escape(incident.title()) + "*";
        if (!incident.isOpen()) {
            Duration took = Duration.between(incident.declaredAt(),
                    incident.resolvedAt() != null ? incident.resolvedAt() : incident.declaredAt());
            return ":white_check_mark: " + head + " is *resolved* after " + Messages.duration(took) + ". <#" + channelId + ">"
                    + (draftLink != null ? "\n*Postmortem draft:* <" + draftLink + "|incident-" + incident.number()
                    + "-postmortem.md>" : "") + "\nWhat happened is in this thread.";
        }
        return ":rotating_light: " + head + ", *" + incident.status().label() + "*"
                + incident.lead().map(l -> ", led by " + of(l)).orElse("") + ". Follow along in <#" + channelId
                + ">; updates in this thread.";
    }
}
