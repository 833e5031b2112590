package io.incidentbot.pager;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.incidentbot.incident.Incident;
import io.incidentbot.slack.render.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The <em>Page on-call</em> modal the header's button opens (issue 21, "When it pages"): an optional message for the
 * on-call and, when several pagers are set, checkboxes to choose which of them to page (all ticked at first). Its
 * {@code private_metadata} is the incident number; each input's {@code block_id} equals its {@code action_id}.
 * Slack's limits hold: title and submit under 24 characters, at most 4 checkbox options (of 10).
 */
public final class PageModal {
    /** The view's {@code callback_id}. */
    public static final String CALLBACK_ID = "incident_page_modal";
    /** Block and action ID of the message ({@code plain_text_input}, optional, at most {@value #MAX_MESSAGE} characters). */
    public static final String MESSAGE = "page_message";
    /** Block and action ID of the pager choice ({@code checkboxes}, option values {@link PagerKind#id()}). */
    public static final String PAGERS = "page_pagers";
    /** Longest message accepted. */
    public static final int MAX_MESSAGE = 1000;

    private PageModal() {
    }

    /**
     * @param i      the incident to page for
     * @param pagers the pagers a page can go to now ({@link PagePlanner#pagers()}), at least one
     * @return the modal
     */
    public static View of(Incident i, List<PagerKind> pagers) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText(Messages.truncate("*Incident " + i.number() + "* ("
                + i.severity().name() + "): " + Messages.escape(i.title()), Messages.MAX_SECTION))))));
        blocks.add(input(b -> b.blockId(MESSAGE).optional(true).label(plainText("Message for the on-call (optional)"))
                .element(plainTextInput(p -> p.actionId(MESSAGE).multiline(true).maxLength(MAX_MESSAGE)))));
        if (pagers.size() > 1) {
            List<OptionObject> options = pagers.stream().map(k -> option(plainText(k.displayName()), k.id())).toList();
            blocks.add(input(b -> b.blockId(PAGERS).label(plainText("Page through"))
                    .element(checkboxes(c -> c.actionId(PAGERS).options(options).initialOptions(options)))));
        }
        String where = pagers.size() == 1 ? "Pages through " + pagers.get(0).displayName() + ". " : "";
        String privacy = i.privateIncident() ? "This incident is private: the pager gets only \"private incident "
                + i.number() + "\", not its title nor your message." : "The pager gets the title, severity and your message.";
        blocks.add(context(c -> c.elements(List.of(markdownText(where + privacy)))));
        return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(String.valueOf(i.number()))
                .title(viewTitle(t -> t.type("plain_text").text("Page on-call")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Page")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel"))).blocks(blocks));
    }

    /**
     * A submission as read.
     *
     * @param incident the incident number from {@code private_metadata}, or -1 when it is not one
     * @param message  the message, stripped, or null when empty
     * @param pagers   the chosen pagers among those set
     * @param errors   block ID to the sentence shown under it ({@code response_action: errors}); empty when valid
     */
    public record Submission(long incident, String message, List<PagerKind> pagers, Map<String, String> errors) {
    }

    /**
     * @param state    {@code view.state}
     * @param metadata {@code view.private_metadata}
     * @param set      the pagers a page can go to now; without the checkboxes (one pager) all of them
     * @return the submission; an error when no pager is ticked
     */
    public static Submission read(ViewState state, String metadata, List<PagerKind> set) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of()
                : state.getValues();
        long n = metadata != null && metadata.matches("[1-9][0-9]{0,11}") ? Long.parseLong(metadata) : -1;
        ViewState.Value text = values.getOrDefault(MESSAGE, Map.of()).get(MESSAGE);
        String message = text == null || text.getValue() == null || text.getValue().isBlank() ? null : text.getValue().strip();
        ViewState.Value ticked = values.getOrDefault(PAGERS, Map.of()).get(PAGERS);
        List<PagerKind> chosen = ticked == null || set.size() < 2 ? set : Optional.ofNullable(ticked.getSelectedOptions())
                .orElse(List.of()).stream().map(o -> PagerKind.ofId(o.getValue())).flatMap(Optional::stream)
                .filter(set::contains).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        if (chosen.isEmpty()) {
            errors.put(PAGERS, "Tick at least one pager; nobody was paged.");
        }
        if (message != null && message.length() > MAX_MESSAGE) {
            errors.put(MESSAGE, "At most " + MAX_MESSAGE + " characters; nobody was paged.");
        }
        return new Submission(n, message, chosen, errors);
    }
}
