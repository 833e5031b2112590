package io.incidentbot.process.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.CheckboxesElement;
import io.incidentbot.incident.Incident;
import io.incidentbot.markup.Mentions;
import io.incidentbot.process.Process;
import io.incidentbot.process.checklist.ChecklistEntry;
import io.incidentbot.process.checklist.ChecklistService;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A click on the checklist's checkboxes ({@code block_actions}, action {@value ChecklistBlocks#ACTION}; shape as in
 * Slack's reference "block_actions payload" and bolt-js's {@code CheckboxesAction}: the action's {@code block_id} and
 * {@code selected_options}, all options ticked in that element after the click, and the message as the clicker's
 * client showed it). What the clicker changed is the difference between the ticked options and the element's
 * {@code initial_options} in that message, so two people ticking different items at once do not undo each other; an
 * action without the message (an ephemeral or a
 * shared copy) has its difference taken against the stored state. Each change is stored and becomes a timeline entry ({@link ChecklistService#mark}); the channel's checklist
 * message is then updated for everyone.
 */
public final class ChecklistInteractions {
    private static final Pattern BLOCK_ID = Pattern.compile(Pattern.quote(ChecklistBlocks.BLOCK) + "([1-9][0-9]{0,17}):([0-9]{1,3})");

    private ChecklistInteractions() {
    }

    /**
     * @param app        the Bolt app
     * @param process    the process (the checklist as rendered, for a click that carries no message)
     * @param checklists the checklist use cases
     */
    public static void register(App app, Process process, ChecklistService checklists) {
        app.blockAction(ChecklistBlocks.ACTION, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            String user = p.getUser() == null ? null : p.getUser().getId();
            BlockActionPayload.Action action = p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0);
            Matcher m = action == null || action.getBlockId() == null ? null : BLOCK_ID.matcher(action.getBlockId());
            if (!Mentions.isUserId(user) || m == null || !m.matches()) {
                return ctx.ack();
            }
            long n = Long.parseLong(m.group(1));
            Set<String> selected = action.getSelectedOptions() == null ? Set.of()
                    : action.getSelectedOptions().stream().map(BlockActionPayload.Action.SelectedOption::getValue).collect(Collectors.toSet());
            Optional<CheckboxesElement> shown = p.getMessage() == null ? Optional.empty() : element(p.getMessage().getBlocks(), action.getBlockId());
            Set<String> before;
            Set<String> inBlock;
            if (shown.isPresent()) {
                inBlock = values(shown.get().getOptions());
                before = values(shown.get().getInitialOptions());
            } else {
                Optional<Incident> incident = checklists.incident(n);
                List<ChecklistEntry> entries = checklists.entries(n);
                inBlock = incident.isEmpty() || entries.isEmpty() ? Set.of()
                        : element(ChecklistBlocks.blocks(process, incident.get(), entries), action.getBlockId()).map(e -> values(e.getOptions())).orElse(Set.of());
                before = entries.stream().filter(ChecklistEntry::done).map(e -> String.valueOf(e.item())).collect(Collectors.toSet());
            }
            Set<Integer> ticked = items(inBlock, selected, before, true);
            Set<Integer> unticked = items(inBlock, selected, before, false);
            checklists.mark(n, ticked, unticked, user);
            return ctx.ack();
        });
    }

    /** @return the positions in {@code inBlock} ticked now and not before ({@code tick}), or before and not now */
    private static Set<Integer> items(Set<String> inBlock, Set<String> selected, Set<String> before, boolean tick) {
        Set<Integer> out = new HashSet<>();
        for (String v : inBlock) {
            boolean now = selected.contains(v);
            boolean was = before.contains(v);
            if (now != was && now == tick && v.matches("[0-9]{1,4}")) {
                out.add(Integer.parseInt(v));
            }
        }
        return out;
    }

    private static Optional<CheckboxesElement> element(List<LayoutBlock> blocks, String blockId) {
        if (blocks == null) {
            return Optional.empty();
        }
        return blocks.stream().filter(b -> b instanceof ActionsBlock a && blockId.equals(a.getBlockId()))
                .flatMap(b -> ((ActionsBlock) b).getElements().stream())
                .filter(e -> e instanceof CheckboxesElement).map(e -> (CheckboxesElement) e).findFirst();
    }

    private static Set<String> values(List<OptionObject> options) {
        return options == null ? Set.of() : options.stream().map(OptionObject::getValue).collect(Collectors.toSet());
    }
}
