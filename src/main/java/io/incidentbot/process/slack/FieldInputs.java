package io.incidentbot.process.slack;

import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.ViewState;
import io.incidentbot.incident.Severity;
import io.incidentbot.process.CustomField;
import io.incidentbot.process.FieldValues;
import io.incidentbot.process.IncidentType;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.urlTextInput;
import static com.slack.api.model.block.element.BlockElements.usersSelect;

/**
 * A custom field's input in a modal (the declare modal and the header's <em>Fields</em> modal): one typed Block Kit
 * element per field kind ({@code static_select}, {@code multi_static_select}, {@code number_input}, {@code users_select},
 * {@code url_text_input}, {@code plain_text_input}), with its {@code initial_*} set from a value, and reading the
 * values back from a view's {@code state.values} (block ID and action ID {@code field:<name>}, Slack's "view_submission
 * payload" shape).
 */
final class FieldInputs {
    /** Prefix of a custom field's block and action ID, followed by the field's name. */
    static final String FIELD = "field:";

    private FieldInputs() {
    }

    /**
     * @param f       the field
     * @param initial its value to show (as stored: a multi_select's options joined with a newline, a user's ID), or
     *                null; a value the element cannot show (an option the field no longer has, a number that is none)
     *                is left out
     * @return the element, action ID {@code field:<name>}
     */
    static BlockElement element(CustomField f, String initial) {
        String id = FIELD + f.name();
        List<OptionObject> options = f.options().stream().map(o -> option(plainText(o), o)).toList();
        String v = initial == null || initial.isBlank() ? null : initial;
        return switch (f.kind()) {
            case SELECT -> staticSelect(s -> s.actionId(id).options(options).initialOption(
                    options.stream().filter(o -> o.getValue().equals(v)).findFirst().orElse(null)));
            case MULTI_SELECT -> {
                List<String> picked = v == null ? List.of() : Arrays.asList(v.split("\n"));
                List<OptionObject> initialOptions = options.stream().filter(o -> picked.contains(o.getValue())).toList();
                yield multiStaticSelect(s -> s.actionId(id).options(options)
                        .initialOptions(initialOptions.isEmpty() ? null : initialOptions));
            }
            case NUMBER -> numberInput(n -> n.actionId(id).decimalAllowed(true).initialValue(number(v)));
            case USER -> usersSelect(u -> u.actionId(id).initialUser(v));
            case URL -> urlTextInput(u -> u.actionId(id).initialValue(v));
            case TEXT -> plainTextInput(p -> p.actionId(id).maxLength(FieldValues.MAX_TEXT)
                    .initialValue(v == null || v.length() > FieldValues.MAX_TEXT ? null : v));
        };
    }

    private static String number(String v) {
        try {
            return v == null ? null : new BigDecimal(v.strip()).toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param values a view's {@code state.values}
     * @param type   the type whose fields to read
     * @return field name to the value as picked or typed (not checked), for every field of the type with one
     */
    static Map<String, String> typed(Map<String, Map<String, ViewState.Value>> values, IncidentType type) {
        Map<String, String> out = new LinkedHashMap<>();
        for (CustomField f : type.fields()) {
            String raw = raw(values.getOrDefault(FIELD + f.name(), Map.of()).get(FIELD + f.name()));
            if (raw != null && !raw.isBlank()) {
                out.put(f.name(), raw);
            }
        }
        return out;
    }

    /**
     * Checks the values of {@code fields} given in a submitted view.
     *
     * @param type     the incident's type (for the message of a required field)
     * @param severity the incident's severity: a field that applies at it and is required must have a value
     * @param fields   the fields the view showed
     * @param values   the view's {@code state.values}
     * @param out      receives field name to stored value ({@link FieldValues#normalise}) of each field with a value
     * @param errors   receives block ID to message ({@code response_action: errors}) of each missing or wrong value
     */
    static void read(IncidentType type, Severity severity, List<CustomField> fields,
                     Map<String, Map<String, ViewState.Value>> values, Map<String, String> out, Map<String, String> errors) {
        Map<String, String> typed = typed(values, type);
        for (CustomField f : fields) {
            String raw = typed.get(f.name());
            if (raw == null) {
                if (f.required() && f.appliesAt(severity)) {
                    errors.put(FIELD + f.name(), "Required for " + type.name() + " incidents at " + severity.name() + ".");
                }
                continue;
            }
            try {
                out.put(f.name(), FieldValues.normalise(f, raw));
            } catch (IllegalArgumentException e) {
                errors.put(FIELD + f.name(), e.getMessage());
            }
        }
    }

    /** @return a state value as text: an option's value, options' values joined with a newline, a user ID, the text */
    static String raw(ViewState.Value v) {
        if (v == null) {
            return null;
        }
        if (v.getSelectedOption() != null) {
            return v.getSelectedOption().getValue();
        }
        if (v.getSelectedOptions() != null && !v.getSelectedOptions().isEmpty()) {
            return String.join("\n", v.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList());
        }
        return v.getSelectedUser() != null ? v.getSelectedUser() : v.getValue();
    }
}
