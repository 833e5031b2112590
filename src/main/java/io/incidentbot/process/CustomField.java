package io.incidentbot.process;

import io.incidentbot.incident.Severity;

import java.util.List;
import java.util.Set;

/**
 * A custom field of an incident type: asked in the declare modal, shown in the header, set with
 * {@code /incident field <name> <value>}.
 *
 * @param name     the field's key, {@code [a-z0-9][a-z0-9_-]*}, as typed in {@code /incident field}
 * @param label    what the modal and the header show
 * @param kind     the kind of value
 * @param options  the choices of a {@code select} or {@code multi_select}; empty for other kinds
 * @param required whether the declare modal refuses to submit without it (only while {@link #when} holds)
 * @param when     the severities for which the field is asked; empty means always
 */
public record CustomField(String name, String label, Kind kind, List<String> options, boolean required, Set<Severity> when) {
    /** The kinds of value a field holds (the process file's {@code type}). */
    public enum Kind {
        /** one of {@code options} */
        SELECT,
        /** some of {@code options} */
        MULTI_SELECT,
        /** free text (one line) */
        TEXT,
        /** a decimal number */
        NUMBER,
        /** a Slack user ID */
        USER,
        /** an http(s) URL */
        URL;

        /** @return the process file's spelling, e.g. {@code multi_select} */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Copies the lists. */
    public CustomField {
        options = List.copyOf(options);
        when = Set.copyOf(when);
    }

    /**
     * @param severity the incident's severity
     * @return true when the field is asked (and, if required, needed) at that severity
     */
    public boolean appliesAt(Severity severity) {
        return when.isEmpty() || when.contains(severity);
    }
}
