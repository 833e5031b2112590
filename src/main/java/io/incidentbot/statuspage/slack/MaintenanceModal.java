package io.incidentbot.statuspage.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.DatetimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.incidentbot.statuspage.Component;
import io.incidentbot.statuspage.StatusPageService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The {@code /incident maintenance} modal: name, components (a multi-select of at most 100), start and end (Slack's
 * {@code datetimepicker}, epoch seconds in the submitter's zone) and the message; and reading its submission. The
 * window must end after it starts and not start in the past by more than an hour (a typo more often than a backfill).
 */
public final class MaintenanceModal {
    /** The view's {@code callback_id}. */
    public static final String CALLBACK_ID = "statuspage_maintenance";
    static final String NAME = "maintenance_name";
    static final String COMPONENTS = "maintenance_components";
    static final String START = "maintenance_start";
    static final String END = "maintenance_end";
    static final String MESSAGE = "maintenance_message";

    private MaintenanceModal() {
    }

    /**
     * @param components the page's components (the first 100 are offered)
     * @param now        pre-fills the start with the next hour and the end one hour later
     */
    public static View build(List<Component> components, Instant now) {
        List<OptionObject> options = new ArrayList<>();
        for (Component c : components.subList(0, Math.min(100, components.size()))) {
            String label = c.fullName().length() > 75 ? c.fullName().substring(0, 74) + "…" : c.fullName();
            options.add(option(plainText(label), c.id()));
        }
        long start = (now.getEpochSecond() / 3600 + 1) * 3600;
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(i -> i.blockId(NAME).label(plainText("Name"))
                .element(plainTextInput(p -> p.actionId(NAME).maxLength(StatusPageService.MAX_TITLE)
                        .placeholder(plainText("Database upgrade"))))));
        if (!options.isEmpty()) {
            blocks.add(input(i -> i.blockId(COMPONENTS).optional(true).label(plainText("Components"))
                    .element(multiStaticSelect(s -> s.actionId(COMPONENTS).options(options)))));
        }
        blocks.add(input(i -> i.blockId(START).label(plainText("Starts"))
                .element(DatetimePickerElement.builder().actionId(START).initialDateTime((int) start).build())));
        blocks.add(input(i -> i.blockId(END).label(plainText("Ends"))
                .element(DatetimePickerElement.builder().actionId(END).initialDateTime((int) (start + 3600)).build())));
        blocks.add(input(i -> i.blockId(MESSAGE).label(plainText("Message for customers"))
                .element(plainTextInput(p -> p.actionId(MESSAGE).multiline(true).maxLength(StatusPageService.MAX_MESSAGE)))));
        return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata("")
                .title(viewTitle(t -> t.type("plain_text").text("Schedule maintenance")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Schedule")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /**
     * A submitted form.
     *
     * @param name       the window's name
     * @param message    the message for customers
     * @param start      start
     * @param end        end
     * @param components component IDs chosen
     * @param errors     block ID to message ({@code response_action: errors}); the rest is null when not empty
     */
    public record Submission(String name, String message, Instant start, Instant end, List<String> components,
                             Map<String, String> errors) {
    }

    /** Reads and checks a submission at {@code now}. */
    public static Submission read(ViewState state, Instant now) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of() : state.getValues();
        Map<String, String> errors = new LinkedHashMap<>();
        String name = value(values, NAME) == null ? null : value(values, NAME).getValue();
        String message = value(values, MESSAGE) == null ? null : value(values, MESSAGE).getValue();
        Instant start = time(values, START);
        Instant end = time(values, END);
        if (name == null || name.isBlank()) {
            errors.put(NAME, "Give the maintenance a name.");
        }
        if (message == null || message.isBlank()) {
            errors.put(MESSAGE, "Tell customers what to expect.");
        }
        if (start == null) {
            errors.put(START, "Pick when it starts.");
        } else if (start.isBefore(now.minusSeconds(3600))) {
            errors.put(START, "That is in the past.");
        }
        if (end == null) {
            errors.put(END, "Pick when it ends.");
        } else if (start != null && !end.isAfter(start)) {
            errors.put(END, "It must end after it starts.");
        }
        List<String> components = new ArrayList<>();
        ViewState.Value c = value(values, COMPONENTS);
        if (c != null && c.getSelectedOptions() != null) {
            c.getSelectedOptions().forEach(o -> components.add(o.getValue()));
        }
        return errors.isEmpty() ? new Submission(name.strip(), message.strip(), start, end, components, errors)
                : new Submission(null, null, null, null, List.of(), errors);
    }

    private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block) {
        return values.getOrDefault(block, Map.of()).get(block);
    }

    private static Instant time(Map<String, Map<String, ViewState.Value>> values, String block) {
        ViewState.Value v = value(values, block);
        return v == null || v.getSelectedDateTime() == null ? null : Instant.ofEpochSecond(v.getSelectedDateTime());
    }
}
