package io.incidentbot.incident;

import java.util.Locale;
import java.util.Optional;

/** Incident severity: {@code SEV1} is the most severe, {@code SEV4} the least. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4;

    /** The severity used when a declaration names none. */
    public static final Severity DEFAULT = SEV3;

    /**
     * Parses {@code sev1}..{@code sev4} (also {@code 1}..{@code 4}), case-insensitive.
     *
     * @param text user input, may be null
     * @return the severity, or empty when the text is not one
     */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.matches("[1-4]")) {
            t = "SEV" + t;
        }
        for (Severity s : values()) {
            if (s.name().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** @return the lowercase form users type, e.g. {@code sev2} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
