package io.incidentbot.slack.commands;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Severity;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.render.Names;
import io.incidentbot.slack.render.UserText;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code /incident declare [sev1-4] <title>}: declares an incident; without a title, opens the declare form. */
public final class DeclareCommand implements Subcommand {
    private final IncidentService incidents;
    private final Names names;

    DeclareCommand(IncidentService incidents) {
        this(incidents, Names.CODES);
    }

    /**
     * @param incidents the declare use case
     * @param names     what the process file calls severities (issue 25): the reply says {@code (SEV2 Major)}
     */
    public DeclareCommand(IncidentService incidents, Names names) {
        this.incidents = incidents;
        this.names = names;
    }

    @Override
    public String name() {
        return "declare";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("declare [sev1-4] <title>", "open an incident (SEV3 when no severity is given)"),
                new Usage("declare", "open the declare form (title, severity, summary, private)"));
    }

    @Override
    public boolean channelScoped() {
        return false;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        if (rest.isEmpty()) {
            return new Reply("Opening the declare form…", true);
        }
        String[] words = rest.split("\\s+", 2);
        boolean severityGiven = words[0].toLowerCase(Locale.ROOT).matches("sev\\d+");
        Optional<Severity> sev = severityGiven ? Severity.parse(words[0]) : Optional.empty();
        if (severityGiven && sev.isEmpty()) {
            return Reply.say("Usage: `/incident declare [sev1-4] <title>` (" + words[0] + " is not a severity)");
        }
        String title = UserText.plain(sev.isPresent() ? (words.length > 1 ? words[1] : "") : rest);
        if (title.isBlank()) {
            return new Reply("Opening the declare form…", true, sev.orElse(null));
        }
        Incident inc = incidents.declare(new Declaration(title, sev.orElse(Severity.DEFAULT), null, false, in.userId(),
                in.responseUrl()));
        return Reply.say(":rotating_light: Declared incident " + inc.number() + " (" + names.severity(inc.severity()) + "): "
                + Messages.escape(inc.title()) + ". Creating its channel and inviting you now.");
    }
}
