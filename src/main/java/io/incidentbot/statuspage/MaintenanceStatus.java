package io.incidentbot.statuspage;

import java.util.Locale;

/** Where a maintenance window is by the clock, in Statuspage's scheduled-maintenance words. */
public enum MaintenanceStatus {
    SCHEDULED("Upcoming"), IN_PROGRESS("In progress"), COMPLETED("Completed");

    private final String label;

    MaintenanceStatus(String label) {
        this.label = label;
    }

    /** @return Statuspage's word, e.g. {@code in_progress} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the words a reader sees */
    public String label() {
        return label;
    }
}
