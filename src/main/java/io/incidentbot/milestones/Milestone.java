package io.incidentbot.milestones;

/** The milestones people can set or correct with {@code /incident timestamps} (issue 25), in the order they must keep. */
public enum Milestone {
    IMPACT_STARTED("impact started"),
    IDENTIFIED("identified"),
    MITIGATED("mitigated"),
    RESOLVED("resolved");

    private final String label;

    Milestone(String label) {
        this.label = label;
    }

    /** @return lowercase words, e.g. {@code impact started} */
    public String label() {
        return label;
    }
}
