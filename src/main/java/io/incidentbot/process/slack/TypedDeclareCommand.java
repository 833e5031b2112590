package io.incidentbot.process.slack;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.process.IncidentType;
import io.incidentbot.process.ProcessService;
import io.incidentbot.slack.commands.Subcommand;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.render.UserText;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /incident declare} when a process file is set: with no title (or only a severity) it opens the
 * {@link TypedDeclareModal} on the {@code default} type; with a title it declares as the standard command does
 * (the incident is then of the {@code default} type, its fields set later with {@code /incident field}); with
 * {@code --type <name>} first it declares at once an incident of that type, with its invites (an unknown name is
 * answered with the list of types).
 * Registered after the standard {@code declare}, which it replaces.
 */
public final class TypedDeclareCommand implements Subcommand {
    private static final String TYPED_USAGE = "declare --type <type> [sev1-4] <title>";
    private static final java.util.regex.Pattern TYPED = java.util.regex.Pattern.compile("--type\\s+(\\S+)(?:\\s+(.*))?",
            java.util.regex.Pattern.DOTALL);
    private final Subcommand standard;
    private final ProcessService process;

    /**
     * @param standard the standard {@code declare}, which runs a declare with a title
     * @param process  the process use cases
     */
    public TypedDeclareCommand(Subcommand standard, ProcessService process) {
        this.standard = standard;
        this.process = process;
    }

    @Override
    public String name() {
        return "declare";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("declare [sev1-4] <title>", "open an incident of the default type (SEV3 when no severity is given)"),
                new Usage(TYPED_USAGE, "open an incident of that type at once (its severity when none is given)"),
                new Usage("declare", "open the declare form (type, title, severity, summary, private, the type's fields)"));
    }

    @Override
    public boolean channelScoped() {
        return false;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        java.util.regex.Matcher typed = TYPED.matcher(rest);
        if (typed.matches()) {
            return declareTyped(in, typed.group(1), typed.group(2) == null ? "" : typed.group(2).strip());
        }
        String[] words = rest.split("\\s+");
        if (rest.isEmpty() || (words.length == 1 && words[0].toLowerCase(java.util.Locale.ROOT).matches("sev[1-4]"))) {
            Severity severity = rest.isEmpty() ? null : Severity.parse(words[0]).orElse(null);
            return Reply.open(TypedDeclareModal.build(process.process(), ProcessInteractions.firstType(process), severity, null, null));
        }
        return standard.run(in, rest);
    }

    /**
     * {@code --type <name> [sev1-4] <title>}: declares at once an incident of that type (its severity when none is
     * given), stored with its type and its invites, through {@link ProcessService#declare}.
     */
    private Reply declareTyped(Invocation in, String name, String rest) {
        IncidentType type = process.process().type(name.toLowerCase(Locale.ROOT)).orElse(null);
        if (type == null) {
            return Reply.say("There is no incident type `" + Messages.escape(name) + "`. The types are: "
                    + String.join(", ", process.process().types().stream().map(IncidentType::name).toList()) + ".");
        }
        String[] words = rest.split("\\s+", 2);
        Optional<Severity> sev = Severity.parse(words[0]).filter(s -> words[0].toLowerCase(Locale.ROOT).startsWith("sev"));
        String title = UserText.plain(sev.isPresent() ? (words.length > 1 ? words[1] : "") : rest).strip();
        if (title.isEmpty()) {
            return Reply.say("Usage: `/incident " + TYPED_USAGE + "`");
        }
        Severity severity = sev.orElse(type.severity() != null ? type.severity() : Severity.DEFAULT);
        Incident inc = process.declare(new Declaration(title, severity, null, false, in.userId(), in.responseUrl()),
                type, Map.of());
        return Reply.say(":rotating_light: Declared " + type.name() + " incident " + inc.number() + " ("
                + TypeExtras.names(process.process()).severity(inc.severity()) + "): " + Messages.escape(inc.title())
                + ". Creating its channel and inviting you now.");
    }
}
