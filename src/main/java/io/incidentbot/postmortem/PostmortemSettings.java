package io.incidentbot.postmortem;

import io.incidentbot.config.ConfigException;
import io.incidentbot.process.CustomField;
import io.incidentbot.process.FieldValues;
import io.incidentbot.process.IncidentType;
import io.incidentbot.process.Process;
import io.incidentbot.process.ProcessSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The postmortem draft's settings (issue 25).
 *
 * @param file     {@code INCIDENT_POSTMORTEM_TEMPLATE}, a team's Mustache file, or null for the default layout
 * @param template the compiled and checked template the draft is written through
 * @param byType   the process file's per-type templates ({@code postmortem_template} of a type), by type name;
 *                 a type without one uses {@code template}
 * @param process  the team's process file (for the draft's type and custom field labels), or null
 */
public record PostmortemSettings(Path file, DraftTemplate template, Map<String, DraftTemplate> byType,
                                 Process process) {
    /** The variable naming a team's template. */
    public static final String TEMPLATE_VARIABLE = "INCIDENT_POSTMORTEM_TEMPLATE";

    /** Copies the map. */
    public PostmortemSettings {
        byType = Map.copyOf(byType);
    }

    /** Settings drafting every incident through {@code template}. */
    public PostmortemSettings(Path file, DraftTemplate template) {
        this(file, template, Map.of(), null);
    }

    /**
     * Reads {@value #TEMPLATE_VARIABLE} and, when set, reads, compiles and checks the file
     * ({@link DraftTemplate#load}): a template error stops the start, not a draft at 3 a.m.
     *
     * @param env environment variables
     * @return the settings; the default layout when the variable is unset or blank
     * @throws ConfigException one line naming the variable, the file, the line and the problem
     */
    public static PostmortemSettings fromEnv(Map<String, String> env) {
        String value = env.get(TEMPLATE_VARIABLE);
        if (value == null || value.isBlank()) {
            return new PostmortemSettings(null, DraftTemplate.defaultLayout());
        }
        Path file = Path.of(value.strip());
        try {
            return new PostmortemSettings(file, DraftTemplate.load(file));
        } catch (DraftTemplate.TemplateException e) {
            throw new ConfigException(TEMPLATE_VARIABLE + ": " + e.getMessage());
        }
    }

    /**
     * Adds the process file's per-type templates, each read, compiled and checked now. A relative
     * {@code postmortem_template} is resolved against the process file's folder.
     *
     * @param settings {@code INCIDENT_PROCESS_FILE} as read at start
     * @return these settings with the types' templates and the process; these settings when no process file is set
     * @throws ConfigException one line naming the process file, the type and the template's problem (line included)
     */
    public PostmortemSettings withProcess(ProcessSettings settings) {
        if (!settings.configured()) {
            return this;
        }
        Path folder = settings.file().toAbsolutePath().getParent();
        Map<String, DraftTemplate> templates = new LinkedHashMap<>();
        for (IncidentType type : settings.process().types()) {
            if (type.postmortemTemplate() == null) {
                continue;
            }
            Path path = folder.resolve(type.postmortemTemplate());
            try {
                templates.put(type.name(), DraftTemplate.load(path));
            } catch (DraftTemplate.TemplateException e) {
                throw new ConfigException("INCIDENT_PROCESS_FILE " + settings.file() + ": type " + type.name()
                        + ": postmortem_template " + e.getMessage());
            }
        }
        return new PostmortemSettings(file, template, templates, settings.process());
    }

    /**
     * @param type an incident's type name, or null
     * @return the template its draft is written through: the type's own, else {@link #template()}
     */
    public DraftTemplate templateOf(String type) {
        return type == null ? template : byType.getOrDefault(type, template);
    }

    /**
     * @return what the process file calls severities and roles, by code or key ({@code SEV2 -> Major},
     *         {@code lead -> Incident commander}), only those it renames; empty without a process file
     */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        if (process != null) {
            for (io.incidentbot.incident.Severity s : io.incidentbot.incident.Severity.values()) {
                String name = process.naming(s).name();
                if (!name.equals(s.name())) {
                    names.put(s.name(), name);
                }
            }
            for (io.incidentbot.incident.Role r : io.incidentbot.incident.Role.values()) {
                String name = process.naming(r).name();
                if (!name.equals(r.label())) {
                    names.put(r.label(), name);
                }
            }
        }
        return names;
    }

    /**
     * @param type   the incident's type name, or null
     * @param stored its stored field values by field name ({@code ProcessRepository.fields})
     * @return the values as the draft shows them: the type's fields in the process file's order with their
     *         labels, then values of fields the type no longer has, by name
     */
    public List<PostmortemInput.Field> fields(String type, Map<String, String> stored) {
        Map<String, String> left = new TreeMap<>(stored);
        List<PostmortemInput.Field> shown = new ArrayList<>();
        IncidentType t = process == null || type == null ? null : process.type(type).orElse(null);
        for (CustomField f : t == null ? List.<CustomField>of() : t.fields()) {
            String value = left.remove(f.name());
            if (value != null) {
                boolean user = f.kind() == CustomField.Kind.USER;
                shown.add(new PostmortemInput.Field(f.label(), user ? value : FieldValues.shown(f, value), user));
            }
        }
        left.forEach((name, value) -> shown.add(new PostmortemInput.Field(name, value.replace("\n", ", "), false)));
        return shown;
    }
}
