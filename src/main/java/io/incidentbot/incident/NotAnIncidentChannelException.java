package io.incidentbot.incident;

/** A channel-scoped subcommand was run outside an incident channel. */
public final class NotAnIncidentChannelException extends IncidentException {
    /** @param subcommand the subcommand, e.g. {@code status} */
    public NotAnIncidentChannelException(String subcommand) {
        super("`/incident " + subcommand + "` must be run in an incident channel. "
                + "Use `/incident list` to find one, or `/incident declare` to open one.");
    }
}
