package io.incidentbot.process.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import io.incidentbot.incident.Incident;
import io.incidentbot.process.Process;
import io.incidentbot.process.checklist.ChecklistEntry;
import io.incidentbot.slack.render.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;

/**
 * The checklist message (Block Kit, "Checkboxes element" and "Option object" of Slack's reference): a first line
 * ("Checklist of incident 3: 1 of 4 done"), then per checklist and per 10 items (Slack's limit of options in one
 * checkboxes element) a section naming each item with its description, runbook link, the role responsible with who
 * holds it and, once ticked, who ticked it and when, followed by an actions block with the checkboxes. A checkbox's
 * value is the item's position; its block ID {@code checklist:<incident>:<n>} tells the click's incident. A message
 * holds at most 50 blocks: past 24 groups the rest is left out (a process file's types hold far fewer items).
 */
public final class ChecklistBlocks {
    /** The checkboxes' {@code action_id}. */
    public static final String ACTION = "checklist_tick";
    /** Prefix of the actions blocks' {@code block_id}, followed by {@code <incident>:<n>}. */
    public static final String BLOCK = "checklist:";
    /** Most options in one checkboxes element (Slack's limit). */
    public static final int PER_BLOCK = 10;
    private static final int MAX_GROUPS = 24;
    private static final int MAX_OPTION = 75;

    private ChecklistBlocks() {
    }

    /** @return the message's text: the notification and fallback, e.g. "Checklist of incident 3: 1 of 4 done" */
    public static String text(Incident incident, List<ChecklistEntry> entries) {
        return ":ballot_box_with_check: " + summary(incident, entries);
    }

    private static String summary(Incident incident, List<ChecklistEntry> entries) {
        long done = entries.stream().filter(ChecklistEntry::done).count();
        return "Checklist of incident " + incident.number() + ": " + done + " of " + entries.size() + " done";
    }

    /**
     * @param process  the process (role names)
     * @param incident the incident (its role holders)
     * @param entries  its due items, in checklist order, at least one
     * @return the blocks
     */
    public static List<LayoutBlock> blocks(Process process, Incident incident, List<ChecklistEntry> entries) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(":ballot_box_with_check: *" + summary(incident, entries) + "*"
                + (entries.stream().anyMatch(ChecklistEntry::required) ? "  (items marked * are required before resolving)" : "")))));
        Map<String, List<ChecklistEntry>> byList = new LinkedHashMap<>();
        entries.forEach(e -> byList.computeIfAbsent(e.checklist(), k -> new ArrayList<>()).add(e));
        int group = 0;
        for (Map.Entry<String, List<ChecklistEntry>> list : byList.entrySet()) {
            List<ChecklistEntry> items = list.getValue();
            for (int from = 0; from < items.size() && group < MAX_GROUPS; from += PER_BLOCK, group++) {
                List<ChecklistEntry> chunk = items.subList(from, Math.min(items.size(), from + PER_BLOCK));
                StringBuilder lines = new StringBuilder("*" + Messages.escape(list.getKey()) + "*");
                chunk.forEach(e -> lines.append('\n').append(line(process, incident, e)));
                blocks.add(section(s -> s.text(markdownText(Messages.truncate(lines.toString(), Messages.MAX_SECTION)))));
                List<OptionObject> options = chunk.stream().map(ChecklistBlocks::checkbox).toList();
                List<OptionObject> done = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    if (chunk.get(i).done()) {
                        done.add(options.get(i));
                    }
                }
                String blockId = BLOCK + incident.number() + ":" + group;
                blocks.add(actions(a -> a.blockId(blockId).elements(List.of(checkboxes(c -> c.actionId(ACTION).options(options)
                        .initialOptions(done.isEmpty() ? null : done))))));
            }
        }
        return blocks;
    }

    private static OptionObject checkbox(ChecklistEntry e) {
        return option(plainText(Messages.truncate(e.title() + (e.required() ? " *" : ""), MAX_OPTION)), String.valueOf(e.item()));
    }

    /**
     * @return e.g. "• *Prepare a rollback plan*: say what ... · <https://runbooks/x|Runbook> · Responsible: Incident
     *         commander <@U1> · done by <@U2> <!date^...>"
     */
    static String line(Process process, Incident incident, ChecklistEntry e) {
        StringBuilder b = new StringBuilder("• *").append(Messages.escape(e.title())).append('*');
        if (e.description() != null) {
            b.append(": ").append(Messages.escape(e.description()));
        }
        if (e.runbook() != null) {
            b.append(" · <").append(e.runbook().replace("|", "%7C").replace(">", "%3E")).append("|Runbook>");
        }
        if (e.role() != null) {
            String holder = incident.roles().get(e.role());
            b.append(" · Responsible: ").append(Messages.escape(process.naming(e.role()).name()))
                    .append(holder == null ? " (nobody yet)" : " <@" + holder + ">");
        }
        if (e.done()) {
            b.append(" · :white_check_mark: done by <@").append(e.doneBy()).append("> ").append(Messages.when(e.doneAt()));
        }
        return b.toString();
    }
}
