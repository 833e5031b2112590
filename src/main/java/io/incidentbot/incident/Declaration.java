package io.incidentbot.incident;

/**
 * What a declarer asked for.
 *
 * @param title           incident title, not blank
 * @param severity        severity
 * @param summary         what is known so far, may be null
 * @param privateIncident true for a private channel and no announcement details
 * @param declaredBy      Slack user ID of the declarer
 * @param responseUrl     the slash command's {@code response_url} for telling the declarer about failures, may be null
 */
public record Declaration(String title, Severity severity, String summary, boolean privateIncident,
                          String declaredBy, String responseUrl) {
    /** Longest title accepted, in characters. */
    public static final int MAX_TITLE = 1000;
}
