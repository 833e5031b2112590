package io.incidentbot.incident;

import java.util.Locale;
import java.util.Optional;

/** Incident status, in the order an incident normally moves through them. */
public enum Status {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    /**
     * Parses a status name, case-insensitive.
     *
     * @param text user input, may be null
     * @return the status, or empty when the text is not one
     */
    public static Optional<Status> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return the lowercase form users type, e.g. {@code monitoring} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
