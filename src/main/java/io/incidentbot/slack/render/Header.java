package io.incidentbot.slack.render;

import io.incidentbot.markup.Mentions;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.incidentbot.incident.Incident;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The header message as the incident's control panel: the state {@link Messages#headerBlocks} shows,
 * the last status update's first line and its age, when impact started and the time to detect (issue 25), once
 * resolved the resolved time and time to resolve, and an {@code actions} block whose buttons open the modals (their {@code value} is the
 * incident number). Pure function of the incident and its last status update.
 */
public final class Header {
    /** Button action IDs; each button's value is the incident number. */
    public static final String STATUS = "incident_status";
    public static final String SEVERITY = "incident_severity";
    public static final String ROLES = "incident_roles";
    public static final String UPDATE = "incident_update";
    public static final String FOLLOW_UP = "incident_follow_up";
    public static final String RESOLVE = "incident_resolve";
    public static final String POSTMORTEM = "incident_postmortem";
    public static final String REOPEN = "incident_reopen";
    /** Opens the pager's <em>Page on-call</em> modal ({@code pager/PageOncallButton}). */
    public static final String PAGE = "incident_page";
    /** The header button opening the Timestamps modal (issue 25: set or correct the milestones). */
    public static final String TIMESTAMPS = "incident_timestamps";
    /** Opens the status page's publish modal (shown when publishing is on). */
    public static final String PUBLISH = "incident_publish";
    /** The {@code block_id} of the actions block. */
    public static final String ACTIONS_BLOCK = "incident_actions";
    /** Slack's limit for button text, in characters. */
    public static final int MAX_BUTTON_TEXT = 75;

    private Header() {
    }

    /**
     * @param i          the incident as it is now
     * @param lastUpdate its latest status update, if any
     * @return the header blocks (at most 10, well under Slack's 50)
     */
    public static List<LayoutBlock> blocks(Incident i, Optional<TimelineEntry> lastUpdate) {
        return blocks(i, lastUpdate, false);
    }

    /**
     * @param publish true when the status page is on: an open, non-private incident gets a
     *                <em>Publish to status page</em> button ({@link #PUBLISH})
     * @return the header blocks
     */
    public static List<LayoutBlock> blocks(Incident i, Optional<TimelineEntry> lastUpdate, boolean publish) {
        return blocks(i, lastUpdate, publish, List.of());
    }

    /**
     * @param pages the incident's pages ({@link PageLines}: when paged, acknowledged by whom)
     * @return the header blocks
     */
    public static List<LayoutBlock> blocks(Incident i, Optional<TimelineEntry> lastUpdate, boolean publish,
                                           List<io.incidentbot.pager.Page> pages) {
        return blocks(i, lastUpdate, publish, pages, Extra.NONE);
    }

    /**
     * What an integration adds to the header, e.g. the process file's custom fields (issue 25).
     *
     * @param line    one mrkdwn line shown under the state (cut to a section's length), or null for none
     * @param buttons action ID to button text of buttons added before <em>Resolve</em>; each button's value is the
     *                incident number
     */
    public record Extra(String line, java.util.Map<String, String> buttons) {
        /** Nothing added. */
        public static final Extra NONE = new Extra(null, java.util.Map.of());

        /** Copies the buttons, keeping their order. */
        public Extra {
            buttons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(buttons));
        }
    }

    /**
     * @param extra what an integration adds: its line under the state and its buttons (while the incident is open)
     * @return the header blocks
     */
    public static List<LayoutBlock> blocks(Incident i, Optional<TimelineEntry> lastUpdate, boolean publish,
                                           List<io.incidentbot.pager.Page> pages, Extra extra) {
        return blocks(i, lastUpdate, publish, pages, extra, null);
    }

    /**
     * @param impactStarted when impact started (issue 25: set with {@code /incident timestamps}, else the earliest
     *                      {@code startsAt} of the incident's alerts), or null: when known, a line shows it with the
     *                      <em>time to detect</em> (impact started to declared)
     * @return the header blocks
     */
    public static List<LayoutBlock> blocks(Incident i, Optional<TimelineEntry> lastUpdate, boolean publish,
                                           List<io.incidentbot.pager.Page> pages, Extra extra, java.time.Instant impactStarted) {
        return blocks(i, lastUpdate, publish, pages, extra, impactStarted, Names.CODES);
    }

    /**
     * @param names what the process file calls severities and roles (issue 25), in the Severity and Lead fields and
     *              the roles line
     * @return the header blocks
     */
    public static List<LayoutBlock> blocks(Incident i, Optional<TimelineEntry> lastUpdate, boolean publish,
                                           List<io.incidentbot.pager.Page> pages, Extra extra, java.time.Instant impactStarted,
                                           Names names) {
        List<LayoutBlock> blocks = new ArrayList<>(Messages.headerBlocks(i, names));
        LayoutBlock hint = blocks.remove(blocks.size() - 1);
        if (extra.line() != null && !extra.line().isBlank()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(Messages.truncate(extra.line(), Messages.MAX_SECTION))))));
        }
        lastUpdate.ifPresent(u -> blocks.add(context(c -> c.elements(List.of(markdownText(Messages.truncate(
                ":loudspeaker: *Last update* " + Slack.ago(u.at()) + " by " + Mentions.of(u.userId()) + ": "
                        + firstLine(UserText.inert(u.text())), Messages.MAX_SECTION)))))));
        PageLines.line(pages).ifPresent(line -> blocks.add(context(c -> c.elements(List.of(markdownText(
                Messages.truncate(line, Messages.MAX_SECTION)))))));
        if (impactStarted != null && !impactStarted.isAfter(i.declaredAt())) {
            blocks.add(context(c -> c.elements(List.of(markdownText(":hourglass_flowing_sand: *Impact started* "
                    + Slack.date(impactStarted) + " — time to detect " + Messages.duration(
                    Duration.between(impactStarted, i.declaredAt())))))));
        }
        if (!i.isOpen() && i.resolvedAt() != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText(":white_check_mark: *Resolved* "
                    + Slack.date(i.resolvedAt()) + " — time to resolve " + Messages.duration(
                    Duration.between(i.declaredAt(), i.resolvedAt())))))));
        }
        List<BlockElement> buttons = new ArrayList<>(buttons(i));
        if (i.isOpen()) {
            String n = String.valueOf(i.number());
            extra.buttons().forEach((action, text) -> buttons.add(buttons.size() - 1, button(action, text, n, null)));
        }
        if (publish && i.isOpen() && !i.privateIncident()) {
            buttons.add(button(PUBLISH, "Publish to status page", String.valueOf(i.number()), null));
        }
        blocks.add(actions(a -> a.blockId(ACTIONS_BLOCK).elements(buttons)));
        blocks.add(hint);
        return blocks;
    }

    private static List<BlockElement> buttons(Incident i) {
        String n = String.valueOf(i.number());
        if (!i.isOpen()) {
            return List.of(button(POSTMORTEM, "Postmortem", n, "primary"), button(TIMESTAMPS, "Timestamps", n, null),
                    button(REOPEN, "Reopen", n, null));
        }
        return List.of(button(STATUS, "Status", n, null), button(SEVERITY, "Severity", n, null),
                button(ROLES, "Roles", n, null), button(UPDATE, "Post update", n, "primary"),
                button(FOLLOW_UP, "Add follow-up", n, null), button(PAGE, "Page on-call", n, null),
                button(TIMESTAMPS, "Timestamps", n, null), button(RESOLVE, "Resolve", n, "danger"));
    }

    /** @return a button; {@code style} is {@code primary}, {@code danger} or null */
    static ButtonElement button(String actionId, String text, String value, String style) {
        return ButtonElement.builder().actionId(actionId).text(plainText(Messages.truncate(text, MAX_BUTTON_TEXT)))
                .value(value).style(style).build();
    }

    /** @return the first non-blank line of {@code text}, cut to 200 characters */
    static String firstLine(String text) {
        String s = text == null ? "" : text.strip();
        int nl = s.indexOf('\n');
        return Messages.truncate(nl < 0 ? s : s.substring(0, nl), 200);
    }
}
