package io.incidentbot.statuspage;

/** A status page request refused, with the sentence to show the person who made it (nothing was changed). */
public final class StatusPageException extends RuntimeException {
    /** @param message one sentence for the user, e.g. "A private incident cannot be published to the status page." */
    public StatusPageException(String message) {
        super(message);
    }
}
