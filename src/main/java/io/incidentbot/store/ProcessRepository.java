package io.incidentbot.store;

import java.util.Map;
import java.util.Optional;

/**
 * Each incident's type and custom field values from the team's process file (issue 25). Implementations run inside
 * the caller's transaction.
 */
public interface ProcessRepository {
    /** Sets (or replaces) the incident's type name. */
    void setType(long incident, String type);

    /** @return the incident's type name; empty when it was declared without a process file */
    Optional<String> type(long incident);

    /**
     * Sets or clears one custom field.
     *
     * @param value the value (a {@code multi_select}'s values joined with a newline); null or empty clears it
     */
    void setField(long incident, String name, String value);

    /** @return the incident's field values by field name, sorted by name */
    Map<String, String> fields(long incident);
}
