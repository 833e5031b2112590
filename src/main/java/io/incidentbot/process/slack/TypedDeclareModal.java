package io.incidentbot.process.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Severity;
import io.incidentbot.process.CustomField;
import io.incidentbot.process.IncidentType;
import io.incidentbot.process.Process;
import io.incidentbot.slack.interactions.DeclareModal;
import io.incidentbot.slack.render.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The declare modal when a process file is set: a type selector and a severity selector (both
 * {@code dispatch_action}: a change comes back as {@code block_actions} and the bot answers with {@code views.update}
 * showing the chosen type's fields that apply at the chosen severity), title, summary, private, then the custom
 * fields. Severities show the process file's names and descriptions. Title, summary and private use
 * {@link DeclareModal}'s block IDs, so its validation reads them.
 */
public final class TypedDeclareModal {
    /** The view's {@code callback_id}. */
    public static final String CALLBACK_ID = "incident_declare_typed";
    /** Block and action ID of the type selector. */
    public static final String TYPE = "process_type";
    /** Block and action ID of the severity selector. */
    public static final String SEVERITY = "process_severity";
    /** Block and action ID of the <em>Private incident</em> checkbox ({@link DeclareModal}'s). */
    static final String PRIVATE = "private";
    /** Prefix of a custom field's block and action ID, followed by the field's name. */
    public static final String FIELD = FieldInputs.FIELD;

    private TypedDeclareModal() {
    }

    /**
     * @param process  the process
     * @param type     the type shown
     * @param severity the severity selected, null for the type's (else SEV3)
     * @param title    the title filled in, may be null
     * @param summary  the summary filled in, may be null
     * @return the view, for {@code views.open} or {@code views.update}
     */
    public static View build(Process process, IncidentType type, Severity severity, String title, String summary) {
        return build(process, type, severity, title, summary, Map.of());
    }

    /**
     * @param fields the field values picked or typed so far, by field name ({@link FieldInputs#typed}): each shown
     *               field of the type starts with its value ({@code initial_*}), so a {@code views.update} after
     *               the type or severity changed keeps what was entered
     * @return the view
     */
    public static View build(Process process, IncidentType type, Severity severity, String title, String summary,
                             Map<String, String> fields) {
        return build(process, type, severity, title, summary, fields, false);
    }

    /**
     * @param privateIncident whether the <em>Private incident</em> box starts ticked (kept across {@code views.update})
     * @return the view
     */
    public static View build(Process process, IncidentType type, Severity severity, String title, String summary,
                             Map<String, String> fields, boolean privateIncident) {
        Severity sev = severity != null ? severity : type.severity() != null ? type.severity() : Severity.DEFAULT;
        View base = DeclareModal.build(CALLBACK_ID, null, sev, title, summary);
        if (privateIncident) {
            base.getBlocks().stream().filter(b -> b instanceof InputBlock i && PRIVATE.equals(i.getBlockId()))
                    .map(b -> (CheckboxesElement) ((InputBlock) b).getElement())
                    .forEach(c -> c.setInitialOptions(c.getOptions()));
        }
        List<OptionObject> types = process.types().stream().map(t -> option(plainText(cut(t.name()
                + (t.description() == null ? "" : " — " + t.description()))), t.name())).toList();
        List<OptionObject> severities = new ArrayList<>();
        for (Severity s : Severity.values()) {
            Process.Naming n = process.naming(s);
            String label = n.name().equals(s.name()) ? s.name() : s.name() + " " + n.name();
            severities.add(option(plainText(cut(label + (n.description() == null ? "" : " — " + n.description()))), s.name()));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(i -> i.blockId(TYPE).dispatchAction(true).label(plainText("Type"))
                .element(staticSelect(s -> s.actionId(TYPE).options(types)
                        .initialOption(types.get(process.types().indexOf(type)))))));
        blocks.add(base.getBlocks().get(0));
        blocks.add(input(i -> i.blockId(SEVERITY).dispatchAction(true).label(plainText("Severity"))
                .element(staticSelect(s -> s.actionId(SEVERITY).options(severities).initialOption(severities.get(sev.ordinal()))))));
        int invite = base.getBlocks().size() - 2; // DeclareModal's last two blocks, the invite fields, come last here too
        blocks.addAll(base.getBlocks().subList(2, invite));
        for (CustomField f : type.fields()) {
            if (f.appliesAt(sev)) {
                blocks.add(input(i -> i.blockId(FIELD + f.name()).optional(!f.required()).label(plainText(cut(f.label())))
                        .element(FieldInputs.element(f, fields.get(f.name())))));
            }
        }
        blocks.addAll(base.getBlocks().subList(invite, base.getBlocks().size()));
        return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata("")
                .title(viewTitle(t -> t.type("plain_text").text("Declare an incident")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Declare")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /**
     * A submitted (or changed) form.
     *
     * @param type        the type picked
     * @param declaration what to declare when {@code errors} is empty, else null
     * @param fields      field name to stored value ({@link FieldValues#normalise}) of the fields that apply
     * @param errors      block ID to message ({@code response_action: errors})
     * @param invite      Slack user IDs picked in the <em>Invite</em> field ({@link DeclareModal#INVITE}), empty when none
     * @param usergroups  user group IDs picked in the <em>Invite user groups</em> field ({@link DeclareModal#USERGROUPS})
     */
    public record Submission(IncidentType type, Declaration declaration, Map<String, String> fields, Map<String, String> errors,
                             List<String> invite, List<String> usergroups) {
    }

    /**
     * @param process the process
     * @param state   the view's state values
     * @param userId  the submitter
     * @return the submission, with an error under each required field left empty or a value that does not fit
     */
    public static Submission read(Process process, ViewState state, String userId) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of() : state.getValues();
        IncidentType type = selected(values, TYPE).flatMap(process::type).orElseGet(process::defaultType);
        Severity severity = selected(values, SEVERITY).flatMap(Severity::parse).orElse(
                type.severity() != null ? type.severity() : Severity.DEFAULT);
        DeclareModal.Submission base = DeclareModal.read(state, userId, null);
        Map<String, String> errors = new LinkedHashMap<>(base.errors());
        Map<String, String> fields = new LinkedHashMap<>();
        FieldInputs.read(type, severity, type.fields().stream().filter(f -> f.appliesAt(severity)).toList(), values, fields, errors);
        Declaration d = base.declaration();
        Declaration declaration = errors.isEmpty() ? new Declaration(d.title(), severity, d.summary(), d.privateIncident(),
                d.declaredBy(), d.responseUrl()) : null;
        return new Submission(type, declaration, fields, errors, base.invite(), base.usergroups());
    }

    /** @return the field values picked or typed in the state, by field name, of {@code type}'s fields */
    static Map<String, String> typed(ViewState state, IncidentType type) {
        return FieldInputs.typed(state == null || state.getValues() == null ? Map.of() : state.getValues(), type);
    }

    /** @return the severity picked in the state (for rebuilding the view on a change) */
    static Severity severity(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of() : state.getValues();
        return selected(values, SEVERITY).flatMap(Severity::parse).orElse(null);
    }

    /** @return true when the <em>Private incident</em> box is ticked in the state */
    static boolean privateTicked(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of() : state.getValues();
        ViewState.Value v = values.getOrDefault(PRIVATE, Map.of()).get(PRIVATE);
        return v != null && v.getSelectedOptions() != null && !v.getSelectedOptions().isEmpty();
    }

    /** @return a plain-text input's value in the state, e.g. the title */
    static String text(ViewState state, String block) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of() : state.getValues();
        return FieldInputs.raw(values.getOrDefault(block, Map.of()).get(block));
    }

    private static java.util.Optional<String> selected(Map<String, Map<String, ViewState.Value>> values, String block) {
        ViewState.Value v = values.getOrDefault(block, Map.of()).get(block);
        return v == null || v.getSelectedOption() == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(v.getSelectedOption().getValue());
    }

    private static String cut(String text) {
        return Messages.truncate(text, 75);
    }
}
