package io.incidentbot.process;

import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;

import java.util.Map;
import java.util.Set;

/**
 * One item of a type's checklist.
 *
 * @param checklist   the name of the checklist it belongs to
 * @param title       what to do, at most 75 characters (a Block Kit checkbox option)
 * @param description more detail, or null
 * @param runbook     an http(s) link to the runbook, or null
 * @param role        the role responsible, or null
 * @param required    whether resolving with it open asks for confirmation
 * @param when        when the item becomes due
 */
public record ChecklistItem(String checklist, String title, String description, String runbook, Role role, boolean required,
                            Condition when) {
    /**
     * When an item is due; every part given must hold, an empty condition is due at once.
     *
     * @param severities the incident's severity is one of these (empty: any)
     * @param status     the incident has reached this status (or a later one), null for any
     * @param field      the custom field named by the key holds the value (for a {@code multi_select}: among its
     *                   values); empty for any
     */
    public record Condition(Set<Severity> severities, Status status, Map<String, String> field) {
        /** Always due. */
        public static final Condition ALWAYS = new Condition(Set.of(), null, Map.of());

        /** Copies the collections. */
        public Condition {
            severities = Set.copyOf(severities);
            field = Map.copyOf(field);
        }
    }
}
