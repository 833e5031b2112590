package io.incidentbot.process.slack;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.process.CustomField;
import io.incidentbot.process.FieldValues;
import io.incidentbot.process.IncidentType;
import io.incidentbot.process.Process;
import io.incidentbot.process.ProcessSettings;
import io.incidentbot.slack.jobs.PerIncident;
import io.incidentbot.slack.render.Header;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.render.Names;
import io.incidentbot.slack.render.UserText;
import io.incidentbot.store.Storage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the process file's incident types add to the Slack adapter (issue 25): the announcement channel of the
 * incident's type ({@code announce_channel}), and in the header one line with the severity's name and description
 * from the file (when it renames them: {@code *SEV2 Major* — A main feature is down}), the incident's type and its custom
 * fields ({@code *Customer impact:* all · *Services affected:* api, web}; a required field that applies at the
 * incident's severity and has no value shows {@code _not set_}), and a <em>Fields</em> button ({@link #FIELDS}) that
 * opens {@link FieldsForm}. Read when the header job is delivered, so the header shows the fields as they are then.
 */
public final class TypeExtras implements PerIncident {
    /** The <em>Fields</em> button's action ID; its value is the incident number. */
    public static final String FIELDS = "incident_fields";
    private final Process process;
    private final Storage storage;

    private TypeExtras(Process process, Storage storage) {
        this.process = process;
        this.storage = storage;
    }

    /**
     * @param settings {@code INCIDENT_PROCESS_FILE}
     * @param storage  reads each incident's type and field values
     * @return what the incident types add: nothing when no process file is set
     */
    public static PerIncident of(ProcessSettings settings, Storage storage) {
        return settings.configured() ? new TypeExtras(settings.process(), storage) : PerIncident.NONE;
    }

    @Override
    public String announceChannel(Incident i) {
        return type(i.number()).announceChannel();
    }

    @Override
    public Names names() {
        return names(process);
    }

    /**
     * @param process the team's process
     * @return the names it gives severities and roles, only those that differ from the code ({@code SEV2}) or key
     *         ({@code lead})
     */
    public static Names names(Process process) {
        Map<Severity, String> severities = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            String name = process.naming(s).name();
            if (!name.equals(s.name())) {
                severities.put(s, name);
            }
        }
        Map<Role, String> roles = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            String name = process.naming(r).name();
            if (!name.equals(r.label())) {
                roles.put(r, name);
            }
        }
        return new Names(severities, roles);
    }

    @Override
    public boolean announces() {
        return process.types().stream().anyMatch(t -> t.announceChannel() != null);
    }

    private IncidentType type(long n) {
        return storage.read(r -> r.process().type(n)).flatMap(process::type).orElseGet(process::defaultType);
    }

    @Override
    public Header.Extra header(Incident i) {
        Map.Entry<Optional<String>, Map<String, String>> stored = storage.read(r ->
                Map.entry(r.process().type(i.number()), r.process().fields(i.number())));
        IncidentType type = stored.getKey().flatMap(process::type).orElseGet(process::defaultType);
        Process.Naming severity = process.naming(i.severity());
        String named = severity.name().equals(i.severity().name()) ? null : "*" + i.severity().name() + " "
                + Messages.escape(severity.name()) + "*" + (severity.description() == null ? "" : " — "
                + Messages.escape(severity.description()));
        String line = line(named, type, process.types().size() > 1, i.severity(), stored.getValue());
        return line == null && type.fields().isEmpty() ? Header.Extra.NONE
                : new Header.Extra(line, type.fields().isEmpty() ? Map.of() : Map.of(FIELDS, "Fields"));
    }

    /**
     * @param named    the severity as the file names it (mrkdwn), or null when the file does not rename it
     * @param type     the incident's type
     * @param showType whether to name the type (the process has more than one)
     * @param severity the incident's severity
     * @param values   the stored field values by name
     * @return the header line (Slack mrkdwn, values inert), or null when there is nothing to show
     */
    static String line(String named, IncidentType type, boolean showType, Severity severity, Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        if (named != null) {
            parts.add(named);
        }
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
