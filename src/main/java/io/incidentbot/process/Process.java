package io.incidentbot.process;

import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A team's process as read from {@code INCIDENT_PROCESS_FILE} ({@link ProcessFile}): incident types, and the names
 * and descriptions of the four severities and three roles (which stay, so stats and pagers keep working).
 *
 * @param severities a name and description per severity; a severity the file does not rename keeps its own
 * @param roles      a name and description per role; likewise
 * @param types      the incident types, the {@code default} one among them, in file order
 */
public record Process(Map<Severity, Naming> severities, Map<Role, Naming> roles, List<IncidentType> types) {
    /**
     * What a severity or role is called and what it means.
     *
     * @param name        the shown name, e.g. {@code Critical}
     * @param description one line, or null
     */
    public record Naming(String name, String description) {
    }

    /** Copies the collections. */
    public Process {
        severities = Map.copyOf(severities);
        roles = Map.copyOf(roles);
        types = List.copyOf(types);
    }

    /**
     * @param name a type's key
     * @return that type
     */
    public Optional<IncidentType> type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** @return the {@code default} type (the file must have one) */
    public IncidentType defaultType() {
        return type(IncidentType.DEFAULT).orElseThrow();
    }

    /**
     * @param severity a severity
     * @return its naming: the file's, else {@code SEV1} .. {@code SEV4} without description
     */
    public Naming naming(Severity severity) {
        return severities.getOrDefault(severity, new Naming(severity.name(), null));
    }

    /**
     * @param role a role
     * @return its naming: the file's, else the role's key ({@code lead}, {@code comms}, {@code scribe})
     */
    public Naming naming(Role role) {
        return roles.getOrDefault(role, new Naming(role.name().toLowerCase(java.util.Locale.ROOT), null));
    }
}
