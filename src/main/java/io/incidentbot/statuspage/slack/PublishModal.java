package io.incidentbot.statuspage.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.incidentbot.statuspage.Component;
import io.incidentbot.statuspage.ComponentState;
import io.incidentbot.statuspage.PublicStatus;
import io.incidentbot.statuspage.StatusPageService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The "Publish to status page" modal ({@code /incident publish} and the header button): public title (pre-filled
 * from the incident's title), one select per component (not affected, or one of Statuspage's states), the public
 * status (pre-filled from the incident's status) and the first public message (required); and reading its
 * submission. Within Slack's limits: title 22 characters, at most 100 blocks (so at most {@link #MAX_COMPONENTS}
 * components are offered), option texts under 75, {@code private_metadata} the incident number. Modal values arrive
 * unescaped; public text is stored as typed and escaped when the page shows it. Once the incident is on the page the
 * same form ({@link #buildUpdate}) changes its public status and components with a public update.
 */
public final class PublishModal {
    /** The view's {@code callback_id}. */
    public static final String CALLBACK_ID = "statuspage_publish";
    /** The {@code callback_id} of the form that changes an incident already on the page. */
    public static final String UPDATE_CALLBACK_ID = "statuspage_update";
    /** Most components offered (100 blocks less the title, status and message). */
    public static final int MAX_COMPONENTS = 97;
    static final String TITLE = "public_title";
    static final String STATUS = "public_status";
    static final String MESSAGE = "public_message";
    static final String COMPONENT = "component_";
    private static final String NOT_AFFECTED = "not_affected";

    private PublishModal() {
    }

    /**
     * @param incident   the internal incident number (kept in {@code private_metadata})
     * @param title      the incident's title, the public title's first draft (cut to {@link StatusPageService#MAX_TITLE})
     * @param status     the public status selected at first
     * @param components the page's components, in page order
     * @return the modal view
     */
    public static View build(long incident, String title, PublicStatus status, List<Component> components) {
        String draft = title == null ? "" : title.strip();
        String initialTitle = draft.length() > StatusPageService.MAX_TITLE ? draft.substring(0, StatusPageService.MAX_TITLE) : draft;
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(i -> i.blockId(TITLE).label(plainText("Public title"))
                .hint(plainText("What customers see. Never the internal title, names or channel."))
                .element(plainTextInput(p -> p.actionId(TITLE).maxLength(StatusPageService.MAX_TITLE).initialValue(initialTitle)))));
        return form(CALLBACK_ID, "Publish to status page", "Publish", "First public message", incident, blocks, status,
                components, Map.of(), false);
    }

    /**
     * The same form for an incident already open on the page ({@code /incident publish} again, or the header button):
     * its public status and the states of its components as they are now, and a required public update. The public
     * title stays. Components offer <em>Operational</em> too, to tell customers one has recovered.
     *
     * @param published  the published incident
     * @param components the page's components, in page order
     * @return the modal view, callback {@link #UPDATE_CALLBACK_ID}
     */
    public static View buildUpdate(io.incidentbot.statuspage.PublishedIncident published, List<Component> components) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(com.slack.api.model.block.Blocks.section(s -> s.text(plainText("On the status page as: " + published.title()))));
        return form(UPDATE_CALLBACK_ID, "Update status page", "Post update", "Public update", published.incident(), blocks,
                published.status(), components, published.affected(), true);
    }

    private static View form(String callbackId, String heading, String submit, String messageLabel, long incident,
                             List<LayoutBlock> blocks, PublicStatus status, List<Component> components,
                             Map<String, ComponentState> current, boolean offerOperational) {
        List<OptionObject> statuses = new ArrayList<>();
        for (PublicStatus s : PublicStatus.values()) {
            statuses.add(option(plainText(s.label()), s.word()));
        }
        List<OptionObject> states = new ArrayList<>();
        states.add(option(plainText("Not affected"), NOT_AFFECTED));
        for (ComponentState s : ComponentState.values()) {
            if (s != ComponentState.OPERATIONAL || offerOperational) {
                states.add(option(plainText(s.label()), s.word()));
            }
        }
        for (Component c : components.subList(0, Math.min(components.size(), MAX_COMPONENTS))) {
            String label = c.fullName().length() > 2000 ? c.fullName().substring(0, 2000) : c.fullName();
            ComponentState now = current.get(c.id());
            OptionObject initial = now == null ? states.get(0)
                    : states.stream().filter(o -> o.getValue().equals(now.word())).findFirst().orElse(states.get(0));
            blocks.add(input(i -> i.blockId(COMPONENT + c.id()).optional(true).label(plainText(label))
                    .element(staticSelect(s -> s.actionId(COMPONENT + c.id()).initialOption(initial).options(states)))));
        }
        blocks.add(input(i -> i.blockId(STATUS).label(plainText("Public status"))
                .element(staticSelect(s -> s.actionId(STATUS).initialOption(statuses.get(status.ordinal())).options(statuses)))));
        blocks.add(input(i -> i.blockId(MESSAGE).label(plainText(messageLabel))
                .element(plainTextInput(p -> p.actionId(MESSAGE).multiline(true).maxLength(StatusPageService.MAX_MESSAGE)
                        .placeholder(plainText("We are investigating errors when signing in."))))));
        return view(v -> v.type("modal").callbackId(callbackId).privateMetadata(Long.toString(incident))
                .title(viewTitle(t -> t.type("plain_text").text(heading)))
                .submit(viewSubmit(s -> s.type("plain_text").text(submit)))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /**
     * A submitted form.
     *
     * @param incident    the incident number from {@code private_metadata}, or -1 when it is not a number
     * @param publication what to publish when {@code errors} is empty
     * @param errors      block ID to message, shown under the field ({@code response_action: errors})
     */
    public record Submission(long incident, StatusPageService.Publication publication, Map<String, String> errors) {
    }

    /** Reads and checks a submission (nothing is published here). */
    public static Submission read(ViewState state, String privateMetadata) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of() : state.getValues();
        long incident;
        try {
            incident = Long.parseLong(privateMetadata == null ? "" : privateMetadata.strip());
        } catch (NumberFormatException e) {
            incident = -1;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text(values, TITLE);
        boolean update = !values.containsKey(TITLE);
        if (!update && (title == null || title.isBlank())) {
            errors.put(TITLE, "Write a public title.");
        }
        String message = text(values, MESSAGE);
        if (message == null || message.isBlank()) {
            errors.put(MESSAGE, update ? "Write the public update." : "Write the first public message.");
        }
        PublicStatus status = PublicStatus.parse(selected(values, STATUS)).orElse(null);
        if (status == null) {
            errors.put(STATUS, "Pick a public status.");
        }
        Map<String, ComponentState> components = new LinkedHashMap<>();
        for (String block : values.keySet()) {
            if (block.startsWith(COMPONENT)) {
                String v = selected(values, block);
                if (v != null && !NOT_AFFECTED.equals(v)) {
                    ComponentState.parse(v).ifPresent(s -> components.put(block.substring(COMPONENT.length()), s));
                }
            }
        }
        StatusPageService.Publication p = errors.isEmpty()
                ? new StatusPageService.Publication(update ? null : title.strip(), status, components, message.strip()) : null;
        return new Submission(incident, p, errors);
    }

    private static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
        ViewState.Value v = values.getOrDefault(block, Map.of()).get(block);
        return v == null ? null : v.getValue();
    }

    private static String selected(Map<String, Map<String, ViewState.Value>> values, String block) {
        ViewState.Value v = values.getOrDefault(block, Map.of()).get(block);
        return v == null || v.getSelectedOption() == null ? null : v.getSelectedOption().getValue();
    }
}
