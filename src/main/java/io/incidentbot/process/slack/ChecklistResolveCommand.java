package io.incidentbot.process.slack;

import io.incidentbot.incident.NotAnIncidentChannelException;
import io.incidentbot.process.checklist.ChecklistEntry;
import io.incidentbot.process.checklist.ChecklistService;
import io.incidentbot.slack.commands.Subcommand;

import java.util.List;

/**
 * {@code /incident resolve [--force] [summary]} when a process file is set: with required checklist items of an open
 * incident not done, it answers with those items and the hint {@code /incident resolve --force <summary>}, and
 * resolves nothing; with {@code --force}, or with nothing left undone, it resolves as the standard command does.
 * Registered after the standard {@code resolve}, which it replaces.
 */
public final class ChecklistResolveCommand implements Subcommand {
    private static final String FORCE = "--force";
    private final Subcommand standard;
    private final ChecklistService checklists;

    /**
     * @param standard   the standard {@code resolve}
     * @param checklists the checklist use cases
     */
    public ChecklistResolveCommand(Subcommand standard, ChecklistService checklists) {
        this.standard = standard;
        this.checklists = checklists;
    }

    @Override
    public String name() {
        return "resolve";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("resolve [--force] [summary]", "resolve the incident and draft the postmortem "
                + "(--force: even with required checklist items not done)"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        if (rest.equals(FORCE) || rest.startsWith(FORCE + " ")) {
            return standard.run(in, rest.substring(FORCE.length()).strip());
        }
        var incident = checklists.incidentIn(in.channelId()).orElseThrow(() -> new NotAnIncidentChannelException("resolve"));
        List<ChecklistEntry> undone = incident.isOpen() ? checklists.undoneRequired(incident.number()) : List.of();
        if (undone.isEmpty()) {
            return standard.run(in, rest);
        }
        return Reply.say("Incident " + incident.number() + " has required checklist items not done:\n"
                + ChecklistResolve.lines(undone) + "\nTick them in the checklist message, or resolve anyway with "
                + "`/incident resolve --force " + (rest.isEmpty() ? "<summary>" : rest) + "`. Nothing was changed.");
    }
}
