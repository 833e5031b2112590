package io.incidentbot.process.slack;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.process.IncidentType;
import io.incidentbot.process.ProcessService;
import io.incidentbot.slack.commands.Subcommand;
import io.incidentbot.slack.render.Messages;

import java.util.List;

/**
 * {@code /incident declare} when a process file is set: with no title (or only a severity) it opens the
 * {@link TypedDeclareModal} on the {@code default} type; with a title it declares as the standard command does
 * (the incident is then of the {@code default} type, its fields set later with {@code /incident field}); with
 * {@code --type <name>} or {@code --field <name>=<value>} ({@link DeclareOptions}) it declares at once an incident of that
 * type (else {@code default}) with those field values and its invites; an unknown type, field or value is answered
 * with what is known, and nothing is declared.
 * Registered after the standard {@code declare}, which it replaces.
 */
public final class TypedDeclareCommand implements Subcommand {
    private static final String TYPED_USAGE = DeclareOptions.USAGE;
    private final Subcommand standard;
    private final ProcessService process;
    private final io.incidentbot.slack.render.Names names;

    /**
     * @param standard the standard {@code declare}, which runs a declare with a title
     * @param process  the process use cases
     * @param names    what the process file calls severities, in the reply ({@code (SEV2 Major)})
     */
    public TypedDeclareCommand(Subcommand standard, ProcessService process, io.incidentbot.slack.render.Names names) {
        this.standard = standard;
        this.process = process;
        this.names = names;
    }

    @Override
    public String name() {
        return "declare";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("declare [sev1-4] <title>", "open an incident of the default type (SEV3 when no severity is given)"),
                new Usage(TYPED_USAGE, "open an incident of that type at once (its severity when none is given) with those fields"),
                new Usage("declare", "open the declare form (type, title, severity, summary, private, the type's fields)"));
    }

    @Override
    public boolean channelScoped() {
        return false;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        if (DeclareOptions.given(rest)) {
            DeclareOptions options = DeclareOptions.parse(process.process(), rest);
            if (options.refusal() != null) {
                return Reply.say(options.refusal());
            }
            if (options.title().isEmpty()) {
                return Reply.say("Usage: `/incident " + TYPED_USAGE + "`");
            }
            return Reply.say(declareTyped(in, options).text() + options.notSet());
        }
        String[] words = rest.split("\\s+");
        if (rest.isEmpty() || (words.length == 1 && words[0].toLowerCase(java.util.Locale.ROOT).matches("sev[1-4]"))) {
            Severity severity = rest.isEmpty() ? null : Severity.parse(words[0]).orElse(null);
            return Reply.open(TypedDeclareModal.build(process.process(), ProcessInteractions.firstType(process), severity, null, null));
        }
        return standard.run(in, rest);
    }

    /**
     * Declares at once an incident of the options' type, severity and title, stored with its type, its field values and
     * its invites, through {@link ProcessService#declare}.
     */
    private Reply declareTyped(Invocation in, DeclareOptions options) {
        IncidentType type = options.type();
        Incident inc = process.declare(new Declaration(options.title(), options.severity(), null, false, in.userId(),
                in.responseUrl()), type, options.fields());
        return Reply.say(":rotating_light: Declared " + type.name() + " incident " + inc.number() + " ("
                + names.severity(inc.severity()) + "): " + Messages.escape(inc.title())
                + ". Creating its channel and inviting you now.");
    }
}
