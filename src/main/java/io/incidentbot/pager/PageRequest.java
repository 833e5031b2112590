package io.incidentbot.pager;

import io.incidentbot.incident.Severity;

import java.time.Instant;

/**
 * A snapshot of what a page says, taken when it was decided (stored in the job's payload).
 *
 * @param incident        incident number
 * @param dedupKey        the incident's dedup key ({@link DedupKey}), the same for trigger and resolve
 * @param severity        the incident's severity when paged
 * @param title           the incident's title; ignored for a private incident
 * @param privateIncident true: only "private incident &lt;n&gt;" leaves the workspace
 * @param status          the incident's status label, e.g. {@code investigating}
 * @param lead            the lead's display name (or Slack user ID), null when none
 * @param declaredBy      the declarer's display name (or Slack user ID)
 * @param pagedBy         who paged: a display name or Slack user ID, or null when the severity rule paged
 * @param message         the message given with {@code /incident page}, or null
 * @param channelUrl      link to the incident channel ({@code https://slack.com/app_redirect?channel=C..}), or null
 * @param at              when it was decided
 */
public record PageRequest(
        long incident,
        String dedupKey,
        Severity severity,
        String title,
        boolean privateIncident,
        String status,
        String lead,
        String declaredBy,
        String pagedBy,
        String message,
        String channelUrl,
        Instant at) {

    /** Longest {@code payload.summary} the Events API v2 accepts. */
    public static final int MAX_SUMMARY = 1024;

    /**
     * @return "SEV1 incident 12: &lt;title&gt;" (at most {@value #MAX_SUMMARY} characters, cut with an ellipsis), or
     *         "private incident 12" for a private incident
     */
    public String summary() {
        if (privateIncident) {
            return "private incident " + incident;
        }
        return cut(severity.name() + " incident " + incident + ": " + title, MAX_SUMMARY);
    }

    /**
     * @param text any text, may be null
     * @param max  most characters (at least 2)
     * @return {@code text} when short enough, else its first {@code max - 1} characters and "…" (never splitting a
     *         surrogate pair)
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** @return a plain-text description for pagers that show one (JSM, GoAlert); no title when private */
    public String details() {
        StringBuilder b = new StringBuilder();
        b.append("Severity: ").append(severity.name()).append('\n');
        b.append("Status: ").append(status).append('\n');
        if (!privateIncident) {
            if (lead != null) {
                b.append("Lead: ").append(lead).append('\n');
            }
            b.append("Declared by: ").append(declaredBy).append('\n');
        }
        if (pagedBy != null) {
            b.append("Paged by: ").append(pagedBy).append('\n');
        }
        if (message != null && !privateIncident) {
            b.append("Message: ").append(message).append('\n');
        }
        if (channelUrl != null) {
            b.append("Channel: ").append(channelUrl).append('\n');
        }
        return b.toString().strip();
    }
}
