package io.incidentbot.slack.milestones;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.milestones.MilestoneCorrections;
import io.incidentbot.slack.commands.Subcommand;

import java.util.List;

/** {@code /incident timestamps}: opens the {@link TimestampsModal} of the channel's incident (issue 25). */
public final class TimestampsCommand implements Subcommand {
    private final IncidentService incidents;
    private final MilestoneCorrections corrections;

    /**
     * @param incidents   finds the channel's incident
     * @param corrections reads the stored milestones for the pickers
     */
    public TimestampsCommand(IncidentService incidents, MilestoneCorrections corrections) {
        this.incidents = incidents;
        this.corrections = corrections;
    }

    @Override
    public String name() {
        return "timestamps";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("timestamps", "set or correct when impact started, identified, mitigated, resolved"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        Incident incident = incidents.queries().findByChannel(in.channelId()).orElseThrow();
        return Reply.open(TimestampsModal.view(incident, corrections.current(incident.number())));
    }
}
