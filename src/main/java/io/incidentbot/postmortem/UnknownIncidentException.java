package io.incidentbot.postmortem;

import io.incidentbot.incident.IncidentException;

/** Thrown when a postmortem draft is asked for an incident number that does not exist. */
public final class UnknownIncidentException extends IncidentException {
    private final long number;

    /** @param number the incident number asked for */
    public UnknownIncidentException(long number) {
        super("There is no incident " + number + ".");
        this.number = number;
    }

    /** @return the incident number asked for */
    public long number() {
        return number;
    }
}
