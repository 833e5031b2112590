package io.incidentbot.incident;

/**
 * A request the domain refuses, with a sentence for the user (shown ephemerally, nothing changed).
 */
public class IncidentException extends RuntimeException {
    /** @param userMessage plain words for the person who ran the command */
    public IncidentException(String userMessage) {
        super(userMessage);
    }
}
