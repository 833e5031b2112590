package io.incidentbot.slack.render;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The modals the header buttons open, pre-filled with the incident's current values. Each input's
 * {@code block_id} equals its {@code action_id} (the constants here); {@code private_metadata} is the
 * incident number, which the submission handler reads instead of trusting any channel.
 */
public final class Modals {
    /** View callback IDs. */
    public static final String STATUS = "incident_status_modal";
    public static final String SEVERITY = "incident_severity_modal";
    public static final String ROLES = "incident_roles_modal";
    public static final String UPDATE = "incident_update_modal";
    public static final String FOLLOW_UP = "incident_follow_up_modal";
    public static final String RESOLVE = "incident_resolve_modal";
    public static final String ADD_TO_TIMELINE = "add_to_timeline_modal";
    /** Callback IDs of the modals whose {@code private_metadata} is the incident number (the header's). */
    public static final java.util.Set<String> OF_AN_INCIDENT = java.util.Set.of(STATUS, SEVERITY, ROLES, UPDATE,
            FOLLOW_UP, RESOLVE);
    /** Input block and action IDs. */
    public static final String STATUS_SELECT = "status";
    public static final String SEVERITY_SELECT = "severity";
    public static final String REASON = "reason";
    public static final String TEXT = "text";
    public static final String OWNER = "owner";
    public static final String SUMMARY = "summary";
    public static final String FOLLOW_UPS = "follow_ups";
    /** Add follow-up's due date ({@code datepicker}, {@code YYYY-MM-DD}) and priority (option values 1..3). */
    public static final String DUE = "due";
    public static final String PRIORITY = "priority";
    public static final String INCIDENT = "incident";
    /** Slack's limits: modal title, submit and close texts 24 characters, private_metadata 3,000, select options 100. */
    public static final int MAX_TITLE = 24;
    public static final int MAX_METADATA = 3000;
    public static final int MAX_OPTIONS = 100;
    /** Longest text accepted in a text input (a status update is posted as one message section). */
    public static final int MAX_TEXT = 2900;

    private Modals() {
    }

    /** @return the role's input block and action ID, e.g. {@code role_lead} */
    public static String roleBlock(Role role) {
        return "role_" + role.label();
    }

    /** Status: a select of the four statuses (current one chosen) and an optional update text. */
    public static View status(Incident i) {
        List<OptionObject> options = Arrays.stream(Status.values()).map(s -> option(plainText(s.label()), s.name())).toList();
        OptionObject current = options.get(i.status().ordinal());
        return modal(STATUS, "Set status", "Save", i, List.of(
                input(b -> b.blockId(STATUS_SELECT).label(plainText("Status"))
                        .element(staticSelect(s -> s.actionId(STATUS_SELECT).options(options).initialOption(current)))),
                textInput(TEXT, "Status update (optional, posted as an update)", true, true)));
    }

    /** Severity: a select (current one chosen) and an optional reason, recorded as a note. */
    public static View severity(Incident i) {
        return severity(i, Names.CODES);
    }

    /** As above, each option naming its severity as the process file does (issue 25): {@code SEV2 Major}. */
    public static View severity(Incident i, Names names) {
        List<OptionObject> options = Arrays.stream(Severity.values())
                .map(s -> option(plainText(Messages.truncate(names.severityText(s), 75)), s.name())).toList();
        OptionObject current = options.get(i.severity().ordinal());
        return modal(SEVERITY, "Change severity", "Save", i, List.of(
                input(b -> b.blockId(SEVERITY_SELECT).label(plainText("Severity"))
                        .element(staticSelect(s -> s.actionId(SEVERITY_SELECT).options(options).initialOption(current)))),
                textInput(REASON, "Reason (optional)", true, true)));
    }

    /** Roles: one {@code users_select} per role, showing its current holder. */
    public static View roles(Incident i) {
        return roles(i, Names.CODES);
    }

    /** As above, each role labelled with the process file's name for it (issue 25): {@code Incident commander}. */
    public static View roles(Incident i, Names names) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Role role : Role.values()) {
            String holder = i.roles().get(role);
            String label = names.roles().getOrDefault(role, capitalised(role.label()));
            blocks.add(input(b -> b.blockId(roleBlock(role)).optional(true).label(plainText(Messages.truncate(label, 2000)))
                    .element(usersSelect(u -> u.actionId(roleBlock(role)).initialUser(holder)))));
        }
        return modal(ROLES, "Assign roles", "Save", i, blocks);
    }

    /**
     * Post update: the text, and where it goes.
     *
     * @param announced true when it also goes to the announcement channel
     */
    public static View update(Incident i, boolean announced) {
        String where = i.channelId() == null ? "the incident channel" : "<#" + i.channelId() + ">";
        return modal(UPDATE, "Post a status update", "Post", i, List.of(
                textInput(TEXT, "Update", false, true),
                context(c -> c.elements(List.of(markdownText("Posted in " + where
                        + (announced && !i.privateIncident() ? " and the announcement channel." : " only.")))))));
    }

    /** Add follow-up: text and an optional owner, due date (datepicker) and priority (p1-p3). */
    public static View followUp(Incident i) {
        return modal(FOLLOW_UP, "Add a follow-up", "Add", i, List.of(
                textInput(TEXT, "Follow-up", false, false),
                input(b -> b.blockId(OWNER).optional(true).label(plainText("Owner"))
                        .element(usersSelect(u -> u.actionId(OWNER)))),
                input(b -> b.blockId(DUE).optional(true).label(plainText("Due date"))
                        .element(com.slack.api.model.block.element.BlockElements.datePicker(d -> d.actionId(DUE)))),
                input(b -> b.blockId(PRIORITY).optional(true).label(plainText("Priority"))
                        .element(staticSelect(s -> s.actionId(PRIORITY).options(List.of(
                                option(plainText("P1 (most urgent)"), "1"), option(plainText("P2"), "2"),
                                option(plainText("P3"), "3"))))))));
    }

    /** Resolve: a summary (required) and optional follow-ups, one per line. */
    public static View resolve(Incident i) {
        return modal(RESOLVE, "Resolve incident", "Resolve", i, List.of(
                textInput(SUMMARY, "Summary", false, true),
                textInput(FOLLOW_UPS, "Follow-ups (optional, one per line)", true, true)));
    }

    /**
     * Add to timeline: pick one of the open incidents the user can see (at most 100, newest first).
     *
     * @param metadata the message, as the shortcut handler wrote it (at most 3,000 characters)
     */
    public static View addToTimeline(List<Incident> visible, String metadata) {
        return addToTimeline(visible, metadata, Names.CODES);
    }

    /**
     * As above, each option naming its severity as the process file does (issue 25): {@code 7 SEV2 Major Checkout is down}.
     *
     * @param names what the process file calls severities ({@link Names#CODES} without one)
     */
    public static View addToTimeline(List<Incident> visible, String metadata, Names names) {
        if (visible.isEmpty()) {
            return view(v -> v.type("modal").callbackId(ADD_TO_TIMELINE).title(title("Add to incident timeline"))
                    .close(viewClose(c -> c.type("plain_text").text("Close")))
                    .blocks(List.of(section(s -> s.text(markdownText("There is no open incident you can see. "
                            + "Declare one with `/incident declare`."))))));
        }
        List<OptionObject> options = visible.stream().limit(MAX_OPTIONS).map(i -> option(plainText(Messages.truncate(
                i.number() + " " + names.severityText(i.severity()) + " " + i.title(), 75)), String.valueOf(i.number()))).toList();
        return view(v -> v.type("modal").callbackId(ADD_TO_TIMELINE).privateMetadata(metadata)
                .title(title("Add to incident timeline")).submit(viewSubmit(s -> s.type("plain_text").text("Add")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(input(b -> b.blockId(INCIDENT).label(plainText("Incident"))
                        .element(staticSelect(s -> s.actionId(INCIDENT).options(options).initialOption(options.get(0))))),
                        context(c -> c.elements(List.of(markdownText(
                                "The message becomes a key event of that incident, quoted in its channel.")))))));
    }

    private static View modal(String callbackId, String title, String submit, Incident i, List<LayoutBlock> blocks) {
        List<LayoutBlock> all = new ArrayList<>();
        all.add(context(c -> c.elements(List.of(markdownText(Messages.truncate("*Incident " + i.number() + "*: "
                + Messages.escape(i.title()), Messages.MAX_SECTION))))));
        all.addAll(blocks);
        return view(v -> v.type("modal").callbackId(callbackId).privateMetadata(String.valueOf(i.number()))
                .title(title(title)).submit(viewSubmit(s -> s.type("plain_text").text(submit)))
                .close(viewClose(c -> c.type("plain_text").text("Cancel"))).blocks(all));
    }

    private static com.slack.api.model.view.ViewTitle title(String text) {
        return viewTitle(t -> t.type("plain_text").text(Messages.truncate(text, MAX_TITLE)));
    }

    private static LayoutBlock textInput(String id, String label, boolean optional, boolean multiline) {
        return input(b -> b.blockId(id).optional(optional).label(plainText(label))
                .element(plainTextInput(p -> p.actionId(id).multiline(multiline).maxLength(MAX_TEXT))));
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
