package io.incidentbot.slack.jobs;

import io.incidentbot.config.ConfigException;

import java.util.Locale;
import java.util.Map;

/**
 * How announcements appear in {@code INCIDENT_ANNOUNCE_CHANNEL} ({@code INCIDENT_ANNOUNCE_STYLE}, issue 24).
 */
public enum AnnounceStyle {
    /**
     * The default: one message per incident, kept showing its current state ({@code chat.update}), with each
     * later announcement as a reply in its thread ({@code thread_ts}).
     */
    THREAD,
    /** Each announcement is a message of its own in the channel (the behaviour before issue 24). */
    MESSAGES;

    /**
     * @param env environment variables
     * @return {@code INCIDENT_ANNOUNCE_STYLE}: {@code thread} (default when unset or blank) or {@code messages}
     * @throws ConfigException naming the variable for any other value
     */
    public static AnnounceStyle fromEnv(Map<String, String> env) {
        String v = env.get("INCIDENT_ANNOUNCE_STYLE");
        if (v == null || v.isBlank()) {
            return THREAD;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "thread" -> THREAD;
            case "messages" -> MESSAGES;
            default -> throw new ConfigException("INCIDENT_ANNOUNCE_STYLE must be thread or messages; got '" + v + "'");
        };
    }
}
