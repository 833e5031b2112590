package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentQueries;
import io.incidentbot.insights.IncidentStats;
import io.incidentbot.insights.StatsService;
import io.incidentbot.slack.render.StatsMessage;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code /incident stats [30d|90d|365d]}: incident insights, ephemeral, anywhere (private incidents
 * are counted and never named, so the answer is fit for any channel).
 */
final class StatsCommand implements Subcommand {
    private final IncidentQueries incidents;
    private final ZoneId zone;

    StatsCommand(IncidentQueries incidents, ZoneId zone) {
        this.incidents = incidents;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("stats [30d|90d|365d]",
                "incidents per week (per month over " + IncidentStats.MONTHLY_AFTER.toDays()
                        + " days), median and p90 times to identify, mitigate and resolve by severity"));
    }

    @Override
    public boolean channelScoped() {
        return false;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        Duration window;
        try {
            window = StatsService.window(rest);
        } catch (IllegalArgumentException e) {
            return Reply.say(e.getMessage() + ". Usage: `/incident stats [30d|90d|365d]`");
        }
        return Reply.say(StatsMessage.of(incidents.stats(window, zone)));
    }
}
