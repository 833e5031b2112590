package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Incident;
import io.incidentbot.slack.render.Header;

/**
 * What the Slack adapter's jobs ask an integration about one incident when they are delivered: the process file's
 * incident types (issue 25) add a line and buttons to the header and may send announcements to a channel of their own.
 * Read at delivery, so the answer reflects the incident as it is then.
 */
public interface PerIncident {
    /** Adds nothing and changes nothing. */
    PerIncident NONE = new PerIncident() {
    };

    /** @return what the incident's header shows besides its state ({@link Header.Extra#NONE} for nothing) */
    default Header.Extra header(Incident incident) {
        return Header.Extra.NONE;
    }

    /** @return the channel ID the incident's announcements go to instead of {@code INCIDENT_ANNOUNCE_CHANNEL}, or null */
    default String announceChannel(Incident incident) {
        return null;
    }

    /** @return what severities and roles are called in posts and announcements (the process file's names) */
    default io.incidentbot.slack.render.Names names() {
        return io.incidentbot.slack.render.Names.CODES;
    }

    /** @return true when some incident may have an announcement channel of its own (so announcements are queued) */
    default boolean announces() {
        return false;
    }
}
