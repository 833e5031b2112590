package io.incidentbot.pager.oncall;

/**
 * The payload of one Slack escalation direct message (outbox subscriber {@value #SUBSCRIBER}, kind {@value #KIND}),
 * written in the transaction that claimed the step, one job per recipient so a retry never messages someone twice.
 *
 * @param incident incident number
 * @param step     the policy step's index (0 = step 1)
 * @param round    the pass through the policy (0 = first)
 * @param user     the recipient's Slack user ID
 */
public record EscalationDm(long incident, int step, int round, String user) {
    /** Outbox subscriber of the escalation's direct messages. */
    public static final String SUBSCRIBER = "slack-escalation";
    /** Job kind of one direct message. */
    public static final String KIND = "dm";
}
