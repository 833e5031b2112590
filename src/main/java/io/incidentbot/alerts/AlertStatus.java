package io.incidentbot.alerts;

import java.util.Locale;
import java.util.Optional;

/** The state of one alert, or of a whole group: {@code firing} or {@code resolved}, as the webhooks spell it. */
public enum AlertStatus {
    FIRING, RESOLVED;

    /**
     * Reads the webhook spelling.
     *
     * @param text {@code "firing"} or {@code "resolved"} (case-insensitive), may be null
     * @return the status, or empty for anything else
     */
    public static Optional<AlertStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "firing" -> Optional.of(FIRING);
            case "resolved" -> Optional.of(RESOLVED);
            default -> Optional.empty();
        };
    }

    /** @return the webhook spelling, {@code firing} or {@code resolved} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
