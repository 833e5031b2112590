package io.incidentbot.incident;

import java.util.Locale;
import java.util.Optional;

/** A role in the incident response: {@code lead} is the incident commander. */
public enum Role {
    LEAD, COMMS, SCRIBE;

    /**
     * Parses {@code lead}, {@code comms} or {@code scribe}, case-insensitive.
     *
     * @param text user input, may be null
     * @return the role, or empty when the text is not one
     */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return the lowercase form users type, e.g. {@code comms} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
