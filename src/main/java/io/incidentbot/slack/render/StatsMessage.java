package io.incidentbot.slack.render;

import io.incidentbot.insights.IncidentStats;
import io.incidentbot.insights.StatsText;

/** The ephemeral answer to {@code /incident stats}: the tables in a code block, owners as mentions. */
public final class StatsMessage {
    private StatsMessage() {
    }

    /**
     * @param stats the insights
     * @return Slack mrkdwn: a title, the tables in a {@code ```} block (aligned columns), then the
     *         follow-up owners as {@code <@U123>} mentions (shown as names; an ephemeral message notifies nobody)
     */
    public static String of(IncidentStats stats) {
        String owners = StatsText.owners(stats, id -> "<@" + id + ">");
        return "*Incident insights*\n```\n" + Messages.escape(StatsText.tables(stats)) + "```" + (owners.isEmpty() ? "" : "\n" + owners);
    }
}
