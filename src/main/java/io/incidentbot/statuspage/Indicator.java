package io.incidentbot.statuspage;

import java.util.Locale;

/**
 * The page's overall indicator and an incident's impact, in Atlassian Statuspage's words ({@code status.indicator}
 * of {@code /api/v2/status.json}, {@code impact} of an incident): none, minor, major, critical.
 */
public enum Indicator {
    NONE, MINOR, MAJOR, CRITICAL;

    /** @return Statuspage's word, e.g. {@code major} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the worse of the two */
    public Indicator worse(Indicator other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }

    /**
     * @param state a component state
     * @return the impact an incident has when a component it affects is in {@code state}: major outage is
     *         critical, partial outage major, degraded performance minor, else none
     */
    public static Indicator of(ComponentState state) {
        return switch (state) {
            case MAJOR_OUTAGE -> CRITICAL;
            case PARTIAL_OUTAGE -> MAJOR;
            case DEGRADED_PERFORMANCE -> MINOR;
            default -> NONE;
        };
    }

    /** @return the indicator, or empty when {@code text} is not one of the four words */
    public static java.util.Optional<Indicator> parse(String text) {
        for (Indicator i : values()) {
            if (i.word().equals(text)) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }
}
