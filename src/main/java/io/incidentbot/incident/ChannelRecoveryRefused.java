package io.incidentbot.incident;

/**
 * {@code retry} or {@code cancel} of an incident whose channel could not be created was refused: no such
 * incident, the asker is not its declarer, it is resolved, or its channel exists or is still being
 * created. The message is a plain sentence; the Slack adapter may word {@link #reason()} its own way.
 */
public final class ChannelRecoveryRefused extends IncidentException {
    private static final long serialVersionUID = 1L;

    /** Why it was refused. */
    public enum Reason { NO_SUCH_INCIDENT, NOT_DECLARER, RESOLVED, HAS_CHANNEL, STILL_CREATING }

    private final Reason reason;
    private final long incident;
    private final String operation;

    /**
     * @param reason    why
     * @param incident  the incident number asked for
     * @param operation {@code retry} or {@code cancel}
     */
    public ChannelRecoveryRefused(Reason reason, long incident, String operation) {
        super(sentence(reason, incident, operation));
        this.reason = reason;
        this.incident = incident;
        this.operation = operation;
    }

    private static String sentence(Reason reason, long n, String operation) {
        return switch (reason) {
            case NO_SUCH_INCIDENT -> "There is no incident " + n + ".";
            case NOT_DECLARER -> "Only the declarer of incident " + n + " can " + operation + " it.";
            case RESOLVED -> "Incident " + n + " is already resolved.";
            case HAS_CHANNEL -> "Incident " + n + " has its channel; run commands there.";
            case STILL_CREATING -> "The channel of incident " + n + " is still being created.";
        };
    }

    /** @return why it was refused */
    public Reason reason() {
        return reason;
    }

    /** @return the incident number asked for */
    public long incident() {
        return incident;
    }

    /** @return {@code retry} or {@code cancel} */
    public String operation() {
        return operation;
    }
}
