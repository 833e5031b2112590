package io.incidentbot.incident;

/** A use case that needs an incident was asked for a channel that belongs to none. */
public final class NotAnIncidentChannelException extends IncidentException {
    private final String operation;

    /** @param operation the use case asked for, e.g. {@code status} (the adapter names its command after it) */
    public NotAnIncidentChannelException(String operation) {
        super("Channel belongs to no incident (" + operation + ").");
        this.operation = operation;
    }

    /** @return the use case asked for, e.g. {@code status} */
    public String operation() {
        return operation;
    }
}
