package io.incidentbot.statuspage;

import io.incidentbot.incident.Status;

import java.util.Locale;
import java.util.Optional;

/** A published incident's status, in Atlassian Statuspage's incident words (the same four as the incident's). */
public enum PublicStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    /** @return Statuspage's word, e.g. {@code monitoring} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the words a reader sees, e.g. {@code Monitoring} */
    public String label() {
        return name().charAt(0) + word().substring(1);
    }

    /** @return the public status that pre-fills the publish modal for an incident in {@code status} */
    public static PublicStatus of(Status status) {
        return valueOf(status.name());
    }

    /** @return the status, or empty when {@code text} is not one of the four words (case-insensitive) */
    public static Optional<PublicStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (PublicStatus s : values()) {
            if (s.word().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
