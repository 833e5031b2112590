package io.incidentbot.slack.commands;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentQueries;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.render.Names;

import java.time.Clock;
import java.util.List;

/** {@code /incident list}: open incidents the user may see, with their channels and failed Slack calls. */
public final class ListCommand implements Subcommand {
    private final IncidentQueries incidents;
    private final Clock clock;
    private final Names names;

    ListCommand(IncidentQueries incidents, Clock clock) {
        this(incidents, clock, Names.CODES);
    }

    /**
     * @param incidents reads the open incidents
     * @param clock     now, for the incidents' ages
     * @param names     what the process file calls severities (issue 25: {@code SEV2 Major})
     */
    public ListCommand(IncidentQueries incidents, Clock clock, Names names) {
        this.incidents = incidents;
        this.clock = clock;
        this.names = names;
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("list", "open incidents with links to their channels"));
    }

    @Override
    public boolean channelScoped() {
        return false;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        List<Incident> visible = incidents.listOpenVisibleTo(in.userId());
        return Reply.say(Messages.list(visible, incidents.failedSlackCalls(visible), incidents.openedByAlerts(visible),
                clock.instant(), names));
    }
}
