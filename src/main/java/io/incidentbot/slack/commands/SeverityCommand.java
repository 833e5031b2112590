package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Severity;
import io.incidentbot.slack.render.Names;

import java.util.List;
import java.util.Optional;

/** {@code /incident sev <sev1-4>} (or {@code severity}): sets the severity. */
public final class SeverityCommand implements Subcommand {
    private final IncidentService incidents;
    private final Names names;

    SeverityCommand(IncidentService incidents) {
        this(incidents, Names.CODES);
    }

    /**
     * @param incidents the use case
     * @param names     what the process file calls severities (issue 25): {@code Severity set to SEV2 Major.}
     */
    public SeverityCommand(IncidentService incidents, Names names) {
        this.incidents = incidents;
        this.names = names;
    }

    @Override
    public String name() {
        return "sev";
    }

    @Override
    public List<String> aliases() {
        return List.of("severity");
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("sev <sev1-4>", "set the severity"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        Optional<Severity> sev = Severity.parse(rest);
        if (sev.isEmpty()) {
            return Reply.usage("sev <sev1|sev2|sev3|sev4>");
        }
        incidents.setSeverity(in.channelId(), sev.get(), in.userId());
        return Reply.say("Severity set to " + names.severity(sev.get()) + ".");
    }
}
