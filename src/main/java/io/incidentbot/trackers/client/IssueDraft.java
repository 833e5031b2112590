package io.incidentbot.trackers.client;

import java.time.LocalDate;

/**
 * What a tracker issue for one follow-up says: a snapshot taken when the export was asked for.
 *
 * @param followUpId     the follow-up's database ID (written into the body, so a person can find it back)
 * @param text           the follow-up's text; the issue title is its first 200 characters
 * @param incident       incident number
 * @param incidentTitle  the incident's title
 * @param severity       {@code SEV1}..{@code SEV4}
 * @param channelUrl     link to the incident channel ({@code https://slack.com/app_redirect?channel=C123} or a
 *                       workspace URL), or null
 * @param postmortemUrl  link to the postmortem draft, or null when there is none
 * @param askedBy        who recorded the follow-up (display name, or Slack user ID)
 * @param owner          the owner as a person reads it (display name or e-mail), or null
 * @param assignee       the owner's identity in this tracker (GitHub login, Jira account ID, GitLab numeric user
 *                       ID), or null to leave the issue unassigned
 * @param due            due date, or null
 * @param priority       1..3 ({@code p1} most urgent), or null
 */
public record IssueDraft(long followUpId, String text, long incident, String incidentTitle, String severity,
                         String channelUrl, String postmortemUrl, String askedBy, String owner, String assignee,
                         LocalDate due, Integer priority) {

    /** Longest issue title sent (Jira's summary allows 255). */
    public static final int MAX_TITLE = 200;

    /** @return the issue title: the follow-up text on one line, at most {@value #MAX_TITLE} characters */
    public String title() {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_TITLE ? oneLine : oneLine.substring(0, MAX_TITLE - 1) + "…";
    }

    /**
     * The body in Markdown (GitHub, GitLab): incident number, title, severity, channel link, postmortem link,
     * who asked, owner, due date and priority, and a marker line naming the follow-up.
     *
     * @return the Markdown text
     */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append(text.strip()).append("\n\n");
        b.append("Follow-up of **incident ").append(incident).append(": ").append(incidentTitle).append("** (")
                .append(severity).append(")\n\n");
        for (String[] line : lines()) {
            b.append("- ").append(line[0]).append(": ").append(line[1]).append('\n');
        }
        b.append("\n").append(marker()).append('\n');
        return b.toString();
    }

    /** @return the facts listed under the text, as (label, value) pairs, in order; absent ones left out */
    public java.util.List<String[]> lines() {
        java.util.List<String[]> l = new java.util.ArrayList<>();
        if (channelUrl != null) {
            l.add(new String[] {"Incident channel", channelUrl});
        }
        if (postmortemUrl != null) {
            l.add(new String[] {"Postmortem", postmortemUrl});
        }
        l.add(new String[] {"Asked by", askedBy});
        if (owner != null) {
            l.add(new String[] {"Owner", owner});
        }
        if (due != null) {
            l.add(new String[] {"Due", due.toString()});
        }
        if (priority != null) {
            l.add(new String[] {"Priority", "P" + priority});
        }
        return l;
    }

    /**
     * @return the label that ties a Jira issue to its follow-up, {@code incident-bot-follow-up-17} (Jira has no hidden
     *         text, and a label can be searched with JQL)
     */
    public String label() {
        return "incident-bot-follow-up-" + followUpId;
    }

    /** @return the hidden line that ties the issue to its follow-up: {@code <!-- incident-bot follow-up 17 -->} */
    public String marker() {
        return "<!-- incident-bot follow-up " + followUpId + " -->";
    }
}
