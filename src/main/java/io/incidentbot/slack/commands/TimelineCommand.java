package io.incidentbot.slack.commands;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentQueries;
import io.incidentbot.slack.render.Messages;

import java.time.ZoneId;
import java.util.List;

/** {@code /incident timeline}: shows the latest {@value #LIMIT} timeline entries. */
final class TimelineCommand implements Subcommand {
    /** How many entries it shows. */
    static final int LIMIT = 25;
    private final IncidentQueries incidents;
    private final ZoneId zone;

    /** @param zone time zone to show times in ({@code INCIDENT_TIMEZONE}) */
    TimelineCommand(IncidentQueries incidents, ZoneId zone) {
        this.incidents = incidents;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("timeline", "show the latest timeline entries"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        Incident inc = incidents.findByChannel(in.channelId()).orElseThrow();
        return Reply.say(Messages.timeline(inc, incidents.timeline(in.channelId(), LIMIT), zone));
    }
}
