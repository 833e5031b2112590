package io.incidentbot.process.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.incidentbot.incident.Incident;
import io.incidentbot.process.ProcessService;
import io.incidentbot.process.checklist.ChecklistEntry;
import io.incidentbot.process.checklist.ChecklistService;
import io.incidentbot.slack.interactions.ResolveConfirmation;
import io.incidentbot.slack.render.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;

/**
 * Resolving with required checklist items not done asks for confirmation. The Resolve modal lists those items and
 * adds an optional checkbox <b>Resolve with these items not done</b> ({@value #CONFIRM}); a submission without it is
 * refused with {@code response_action: errors} under the checkbox (or under the summary when an item was unticked
 * after the modal opened) and nothing changes. The command form is {@link ChecklistResolveCommand}.
 */
public final class ChecklistResolve implements ResolveConfirmation {
    /** Block and action ID of the confirmation checkbox; its one option's value is {@code yes}. */
    public static final String CONFIRM = "checklist_confirm";
    private final ChecklistService checklists;

    /** @param checklists the checklist use cases */
    public ChecklistResolve(ChecklistService checklists) {
        this.checklists = checklists;
    }

    /** @return the confirmation of {@code process}'s checklists, {@link ResolveConfirmation#NONE} without a process file */
    public static ResolveConfirmation of(ProcessService process) {
        return process == null ? ResolveConfirmation.NONE : new ChecklistResolve(process.checklists());
    }

    @Override
    public View add(View resolve, Incident incident) {
        List<ChecklistEntry> undone = checklists.undoneRequired(incident.number());
        if (undone.isEmpty()) {
            return resolve;
        }
        List<LayoutBlock> blocks = new ArrayList<>(resolve.getBlocks());
        blocks.add(section(s -> s.text(markdownText(Messages.truncate("*Required checklist items not done:*\n"
                + lines(undone), Messages.MAX_SECTION)))));
        blocks.add(input(i -> i.blockId(CONFIRM).optional(true).label(plainText("Confirm"))
                .element(checkboxes(c -> c.actionId(CONFIRM).options(List.of(
                        option(plainText("Resolve with these items not done"), "yes")))))));
        resolve.setBlocks(blocks);
        return resolve;
    }

    @Override
    public Map<String, String> refused(Incident incident, Function<String, Set<String>> ticked) {
        List<ChecklistEntry> undone = checklists.undoneRequired(incident.number());
        Set<String> confirmed = ticked.apply(CONFIRM);
        if (undone.isEmpty() || (confirmed != null && confirmed.contains("yes"))) {
            return Map.of();
        }
        String why = undone.size() + " required checklist item" + (undone.size() == 1 ? " is" : "s are") + " not done: "
                + undone.stream().map(ChecklistEntry::title).collect(Collectors.joining("; ")) + ".";
        return confirmed != null ? Map.of(CONFIRM, "Tick this to resolve anyway. " + why)
                : Map.of(io.incidentbot.slack.render.Modals.SUMMARY, why + " Close this form and resolve again to confirm.");
    }

    /** @return one line per item, "• *Title* (Responsible role)" */
    static String lines(List<ChecklistEntry> undone) {
        return undone.stream().map(e -> "• " + Messages.escape(e.title()) + (e.role() == null ? "" : " (" + e.role().label() + ")"))
                .collect(Collectors.joining("\n"));
    }
}
