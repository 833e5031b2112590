package io.incidentbot.statuspage;

import java.util.Locale;
import java.util.Optional;

/**
 * A component's state, in Atlassian Statuspage's words (its component {@code status} field), from best to
 * worst outage; {@link #UNDER_MAINTENANCE} is planned and ranks below every outage.
 */
public enum ComponentState {
    OPERATIONAL("Operational", 0),
    UNDER_MAINTENANCE("Under maintenance", 1),
    DEGRADED_PERFORMANCE("Degraded performance", 2),
    PARTIAL_OUTAGE("Partial outage", 3),
    MAJOR_OUTAGE("Major outage", 4);

    private final String label;
    private final int rank;

    ComponentState(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    /** @return Statuspage's word, e.g. {@code partial_outage} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the words a reader sees, e.g. {@code Partial outage} */
    public String label() {
        return label;
    }

    /** @return how bad it is: 0 operational .. 4 major outage */
    public int rank() {
        return rank;
    }

    /** @return true for the two outage states */
    public boolean isOutage() {
        return this == PARTIAL_OUTAGE || this == MAJOR_OUTAGE;
    }

    /** @return the worse of the two (by {@link #rank()}) */
    public ComponentState worse(ComponentState other) {
        return other != null && other.rank > rank ? other : this;
    }

    /**
     * @param text Statuspage's word ({@code major_outage}), case-insensitive; also accepts a dash or space for the underscore
     * @return the state, or empty when the text is not one
     */
    public static Optional<ComponentState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ComponentState s : values()) {
            if (s.word().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
