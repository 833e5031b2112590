package io.incidentbot.process.slack;

import io.incidentbot.process.checklist.ChecklistEntry;
import io.incidentbot.process.checklist.ChecklistService;
import io.incidentbot.slack.commands.Subcommand;

import java.util.List;

/**
 * {@code /incident checklist} in an incident channel: posts the incident's checklist again as a fresh message at the
 * bottom of the channel, for everyone, and that message is from then on the one updated in place (the earlier one says
 * it moved). A fresh post rather than an ephemeral copy because the checklist is shared state: an ephemeral message
 * goes stale as soon as someone else ticks an item, and Slack lets the bot change it only through a
 * {@code response_url} for 30 minutes. Registered when a process file is set.
 */
public final class ChecklistCommand implements Subcommand {
    private final ChecklistService checklists;

    /** @param checklists the checklist use cases */
    public ChecklistCommand(ChecklistService checklists) {
        this.checklists = checklists;
    }

    @Override
    public String name() {
        return "checklist";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("checklist", "post this incident's checklist again at the bottom of the channel"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        List<ChecklistEntry> entries = checklists.showAgain(in.channelId());
        if (entries.isEmpty()) {
            return Reply.say("No checklist item is due for this incident yet (the process file's checklists of its type"
                    + " become due by severity, status and fields).");
        }
        long done = entries.stream().filter(ChecklistEntry::done).count();
        return Reply.say("Posting the checklist again below (" + done + " of " + entries.size() + " done).");
    }
}
