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
    /** Job kind of withdrawing the incident's sent messages once it resolved ({@link Withdraw}). */
    public static final String WITHDRAW = "withdraw";
    /** Where the sent messages are remembered ({@code slack_text.what}): one "{@code channel ts}" line each. */
    public static final String SENT = "escalation-dms";

    /**
     * The payload of a {@value #WITHDRAW} job, queued in the transaction of the resolve or the acknowledgement, after
     * the incident's messages (jobs written before this field existed read it as null: a resolve).
     *
     * @param incident       incident number
     * @param resolvedBy     Slack user ID of who resolved it, or null
     * @param acknowledgedBy who acknowledged the page, as shown: {@code <@U..>} for a Slack user, else a name and its
     *                       pager such as {@code Ana Oncall (PagerDuty)}; null for a resolve
     */
    public record Withdraw(long incident, String resolvedBy, String acknowledgedBy) {
        /** A resolve's withdrawal. */
        public Withdraw(long incident, String resolvedBy) {
            this(incident, resolvedBy, null);
        }
    }
}
