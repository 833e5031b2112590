package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;
import io.incidentbot.trackers.FollowUpRequest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** {@code /incident action <text> [@owner] [due 2026-12-20|in 2w] [p1-p3]}: records a follow-up (issue 22 options). */
final class ActionCommand implements Subcommand {
    private static final String SYNTAX = "action <text> [@owner] [due 2026-12-20|in 2w] [p1-p3]";
    private final IncidentService incidents;
    private final Clock clock;
    private final ZoneId zone;

    ActionCommand(IncidentService incidents, Clock clock, ZoneId zone) {
        this.incidents = incidents;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "action";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage(SYNTAX, "record a follow-up"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        if (rest.isEmpty()) {
            return Reply.usage(SYNTAX);
        }
        FollowUpRequest request;
        try {
            request = FollowUpRequest.parse(rest, LocalDate.ofInstant(clock.instant(), zone));
        } catch (IllegalArgumentException e) {
            return Reply.say(e.getMessage());
        }
        incidents.followUp(in.channelId(), request.text(), request.owner(), request.due(), request.priority(), in.userId());
        return Reply.say("Follow-up recorded.");
    }
}
