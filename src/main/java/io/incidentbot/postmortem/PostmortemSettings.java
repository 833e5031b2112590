package io.incidentbot.postmortem;

import io.incidentbot.config.ConfigException;

import java.nio.file.Path;
import java.util.Map;

/**
 * The postmortem draft's settings (issue 25).
 *
 * @param file     {@code INCIDENT_POSTMORTEM_TEMPLATE}, a team's Mustache file, or null for the default layout
 * @param template the compiled and checked template the draft is written through
 */
public record PostmortemSettings(Path file, DraftTemplate template) {
    /** The variable naming a team's template. */
    public static final String TEMPLATE_VARIABLE = "INCIDENT_POSTMORTEM_TEMPLATE";

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
}
