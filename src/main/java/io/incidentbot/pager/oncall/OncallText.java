package io.incidentbot.pager.oncall;

import java.time.Instant;

/**
 * The text of {@code /incident oncall}: for each rotation, who is on call now and who is next from when, in
 * Slack mrkdwn (users as {@code <@U..>} mentions, the hand-over as a Slack date token that each reader sees in
 * their own time zone).
 */
public final class OncallText {
    private OncallText() {
    }

    /**
     * @param policy the on-call file, or null when none is set
     * @param now    the current time
     * @return e.g. {@code *primary*: <@U1> now, <@U2> from <!date^1768204800^{date_short_pretty} {time}|2026-01-12T08:00:00Z>}
     */
    public static String render(OncallPolicy policy, Instant now) {
        if (policy == null) {
            return "No on-call file is set (INCIDENT_ONCALL_FILE), so the bot does not know who is on call.";
        }
        StringBuilder b = new StringBuilder("On call now:");
        for (Rotation r : policy.rotations()) {
            Rotation.Turn t = r.at(now);
            b.append("\n• *").append(r.name()).append("*: <@").append(t.user()).append("> now");
            if (!t.next().equals(t.user())) {
                b.append(", <@").append(t.next()).append("> from <!date^").append(t.handover().getEpochSecond())
                        .append("^{date_short_pretty} {time}|").append(t.handover()).append('>');
            }
        }
        return b.toString();
    }
}
