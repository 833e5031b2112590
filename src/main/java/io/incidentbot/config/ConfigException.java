package io.incidentbot.config;

/** A missing or malformed configuration variable; the message names it and says what is wrong. */
public final class ConfigException extends RuntimeException {
    /** @param message one line naming the variable, e.g. "SLACK_BOT_TOKEN is required" */
    public ConfigException(String message) {
        super(message);
    }
}
