package io.incidentbot.process.slack;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.process.CustomField;
import io.incidentbot.process.FieldValues;
import io.incidentbot.process.IncidentType;
import io.incidentbot.process.Process;
import io.incidentbot.process.ProcessSettings;
import io.incidentbot.slack.render.Header;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.render.UserText;
import io.incidentbot.store.Storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The process file's part of the incident header (issue 25): one line with the incident's type and its custom
 * fields ({@code *Customer impact:* all · *Services affected:* api, web}; a required field that applies at the
 * incident's severity and has no value shows {@code _not set_}), and a <em>Fields</em> button ({@link #FIELDS}) that
 * opens {@link FieldsForm}. Read when the header job is delivered, so the header shows the fields as they are then.
 */
public final class FieldsHeader implements Function<Incident, Header.Extra> {
    /** The <em>Fields</em> button's action ID; its value is the incident number. */
    public static final String FIELDS = "incident_fields";
    private final Process process;
    private final Storage storage;

    private FieldsHeader(Process process, Storage storage) {
        this.process = process;
        this.storage = storage;
    }

    /**
     * @param settings {@code INCIDENT_PROCESS_FILE}
     * @param storage  reads each incident's type and field values
     * @return the header's extra part: nothing when no process file is set
     */
    public static Function<Incident, Header.Extra> of(ProcessSettings settings, Storage storage) {
        return settings.configured() ? new FieldsHeader(settings.process(), storage) : i -> Header.Extra.NONE;
    }

    @Override
    public Header.Extra apply(Incident i) {
        Map.Entry<Optional<String>, Map<String, String>> stored = storage.read(r ->
                Map.entry(r.process().type(i.number()), r.process().fields(i.number())));
        IncidentType type = stored.getKey().flatMap(process::type).orElseGet(process::defaultType);
        if (type.fields().isEmpty() && process.types().size() == 1) {
            return Header.Extra.NONE;
        }
        return new Header.Extra(line(type, process.types().size() > 1, i.severity(), stored.getValue()),
                type.fields().isEmpty() ? Map.of() : Map.of(FIELDS, "Fields"));
    }

    /**
     * @param type     the incident's type
     * @param showType whether to name the type (the process has more than one)
     * @param severity the incident's severity
     * @param values   the stored field values by name
     * @return the header line (Slack mrkdwn, values inert), or null when there is nothing to show
     */
    static String line(IncidentType type, boolean showType, Severity severity, Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        if (showType) {
            parts.add("*Type:* " + Messages.escape(type.name()));
        }
        for (CustomField f : type.fields()) {
            String v = values.get(f.name());
            if (v != null) {
                parts.add("*" + Messages.escape(f.label()) + ":* " + UserText.inert(FieldValues.shown(f, v)));
            } else if (f.required() && f.appliesAt(severity)) {
                parts.add("*" + Messages.escape(f.label()) + ":* _not set_");
            }
        }
        return parts.isEmpty() ? null : ":card_index_dividers: " + String.join(" · ", parts);
    }
}
