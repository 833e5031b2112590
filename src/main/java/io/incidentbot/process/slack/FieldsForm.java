package io.incidentbot.process.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.process.CustomField;
import io.incidentbot.process.IncidentType;
import io.incidentbot.process.ProcessService;
import io.incidentbot.slack.interactions.Buttons;
import io.incidentbot.slack.render.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The header's <em>Fields</em> button ({@link TypeExtras#FIELDS}) and its modal (issue 25): the fields of the
 * incident's type that apply at its severity, and any other that has a value, each a typed input starting with the
 * stored value ({@link FieldInputs}). On {@code view_submission} a required field left empty, or a value that does not
 * fit, is answered with {@code response_action: errors} and nothing changes; else each changed field is one
 * {@code FieldChanged} (timeline entry, channel line, header update) through {@link ProcessService#setFields}, and a
 * field emptied is cleared. {@code private_metadata} holds the incident number.
 */
public final class FieldsForm {
    /** The modal's {@code callback_id}. */
    public static final String CALLBACK_ID = "incident_fields";

    private FieldsForm() {
    }

    /**
     * @param type   the incident's type
     * @param i      the incident
     * @param values its stored field values by name
     * @return the modal, for {@code views.open}
     */
    static View build(IncidentType type, Incident i, Map<String, String> values) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (CustomField f : shown(type, i.severity(), values)) {
            blocks.add(input(b -> b.blockId(FieldInputs.FIELD + f.name()).optional(!(f.required() && f.appliesAt(i.severity())))
                    .label(plainText(Messages.truncate(f.label(), 75))).element(FieldInputs.element(f, values.get(f.name())))));
        }
        return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(String.valueOf(i.number()))
                .title(viewTitle(t -> t.type("plain_text").text(Messages.truncate("Fields of incident " + i.number(), 24))))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** @return the type's fields that apply at {@code severity} or have a value, in the type's order */
    static List<CustomField> shown(IncidentType type, Severity severity, Map<String, String> values) {
        return type.fields().stream().filter(f -> f.appliesAt(severity) || values.containsKey(f.name())).toList();
    }

    /**
     * Registers the button and the modal's submission.
     *
     * @param app      the Bolt app
     * @param process  the process use cases
     * @param afterAck runs {@code views.open} right after the ack
     */
    static void register(App app, ProcessService process, Executor afterAck) {
        app.blockAction(TypeExtras.FIELDS, (req, ctx) -> {
            var p = req.getPayload();
            String value = p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            Incident incident = Buttons.incidentNumber(value).flatMap(n -> process.findVisible(n, p.getUser().getId())).orElse(null);
            if (incident == null) {
                afterAck.execute(() -> Buttons.respond(ctx, "You cannot change that incident; nothing was changed."));
                return ctx.ack();
            }
            Buttons.openModal(afterAck, ctx, p.getTriggerId(), build(process.typeOf(incident.number()), incident,
                    process.fieldsOf(incident.number())));
            return ctx.ack();
        });
        app.viewSubmission(CALLBACK_ID, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            View view = req.getPayload().getView();
            Incident incident = Buttons.incidentNumber(view.getPrivateMetadata()).flatMap(n -> process.findVisible(n, user)).orElse(null);
            if (incident == null) {
                return ctx.ack();
            }
            IncidentType type = process.typeOf(incident.number());
            List<CustomField> shown = shown(type, incident.severity(), process.fieldsOf(incident.number()));
            Map<String, Map<String, ViewState.Value>> state = view.getState() == null || view.getState().getValues() == null
                    ? Map.of() : view.getState().getValues();
            Map<String, String> read = new LinkedHashMap<>();
            Map<String, String> errors = new LinkedHashMap<>();
            FieldInputs.read(type, incident.severity(), shown, state, read, errors);
            if (!errors.isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(errors));
            }
            Map<String, String> values = new HashMap<>();
            shown.forEach(f -> values.put(f.name(), read.get(f.name())));
            process.setFields(incident.number(), values, user);
            return ctx.ack();
        });
    }
}
