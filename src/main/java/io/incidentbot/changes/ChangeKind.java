package io.incidentbot.changes;

import java.util.Locale;
import java.util.Optional;

/** What kind of change a {@link Change} is, as {@code POST /hooks/changes} spells it in {@code kind}. */
public enum ChangeKind {
    DEPLOY, CONFIG, FEATURE_FLAG, INFRA, OTHER;

    /**
     * @param text {@code deploy}, {@code config}, {@code feature_flag}, {@code infra} or {@code other}
     *             (case-insensitive), may be null
     * @return the kind, or empty for anything else
     */
    public static Optional<ChangeKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (ChangeKind k : values()) {
            if (k.name().equals(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** @return the wire spelling, e.g. {@code feature_flag} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
