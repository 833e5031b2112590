package io.incidentbot.process.slack;

import io.incidentbot.incident.Severity;
import io.incidentbot.process.ProcessService;
import io.incidentbot.slack.commands.Subcommand;

import java.util.List;

/**
 * {@code /incident declare} when a process file is set: with no title (or only a severity) it opens the
 * {@link TypedDeclareModal} on the {@code default} type; with a title it declares as the standard command does
 * (the incident is then of the {@code default} type, its fields set later with {@code /incident field}).
 * Registered after the standard {@code declare}, which it replaces.
 */
public final class TypedDeclareCommand implements Subcommand {
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
                new Usage("declare", "open the declare form (type, title, severity, summary, private, the type's fields)"));
    }

    @Override
    public boolean channelScoped() {
        return false;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        String[] words = rest.split("\\s+");
        if (rest.isEmpty() || (words.length == 1 && words[0].toLowerCase(java.util.Locale.ROOT).matches("sev[1-4]"))) {
            Severity severity = rest.isEmpty() ? null : Severity.parse(words[0]).orElse(null);
            return Reply.open(TypedDeclareModal.build(process.process(), ProcessInteractions.firstType(process), severity, null, null));
        }
        return standard.run(in, rest);
    }
}
