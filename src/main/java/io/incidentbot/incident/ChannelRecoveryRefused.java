package io.incidentbot.incident;

/**
 * {@code retry} or {@code cancel} of an incident whose channel could not be created was refused: no such
 * incident, the asker is not its declarer, it is resolved, or its channel exists or is still being
 * created. The message is the sentence shown to the user.
 */
public final class ChannelRecoveryRefused extends IncidentException {
    /** @param message the sentence for the user */
    public ChannelRecoveryRefused(String message) {
        super(message);
    }
}
