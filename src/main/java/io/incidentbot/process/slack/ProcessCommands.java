package io.incidentbot.process.slack;

import io.incidentbot.process.ProcessService;
import io.incidentbot.slack.commands.DeclareCommand;
import io.incidentbot.slack.commands.ListCommand;
import io.incidentbot.slack.commands.SeverityCommand;
import io.incidentbot.slack.commands.Routes;
import io.incidentbot.slack.commands.Subcommand;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code /incident} subcommands of the process file: the typed {@code declare}, {@code field}, {@code checklist},
 * {@code resolve} asking to confirm undone required checklist items, and {@code list}, {@code help} and {@code stats} with the file's
 * severity and role names.
 */
public final class ProcessCommands {
    private ProcessCommands() {
    }

    /**
     * @param extra   the integrations' subcommands so far
     * @param process the process use cases, or null when no process file is set ({@code extra} is returned as is)
     * @return {@code extra} plus the process file's subcommands
     */
    public static List<Function<Routes, Subcommand>> with(List<Function<Routes, Subcommand>> extra, ProcessService process) {
        if (process == null) {
            return extra;
        }
        List<Function<Routes, Subcommand>> all = new ArrayList<>(extra);
        io.incidentbot.slack.render.Names names = TypeExtras.names(process.process());
        all.add(r -> new TypedDeclareCommand(new DeclareCommand(process.incidents(), names), process, names));
        all.add(r -> new SeverityCommand(process.incidents(), names));
        all.add(r -> new FieldCommand(process));
        all.add(r -> new ChecklistCommand(process.checklists()));
        all.add(r -> new ChecklistResolveCommand(r.command("resolve"), process.checklists()));
        all.add(r -> new ListCommand(process.incidents().queries(), process.clock(), names));
        all.add(r -> new NamedHelp(r.command("help"), process.process()));
        all.add(r -> NamedHelp.stats(r.command("stats"), process.process()));
        return all;
    }
}
