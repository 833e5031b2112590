package io.incidentbot.incident;

/**
 * A request the domain refuses; nothing was changed. The subclasses say why with typed fields, and
 * the Slack adapter's error middleware words them for the user; the message here is for logs and
 * for callers without their own wording (the command line).
 */
public class IncidentException extends RuntimeException {
    /** @param message plain words describing the refusal */
    public IncidentException(String message) {
        super(message);
    }

    /** The declaration has no title. */
    public static final class TitleBlank extends IncidentException {
        /** Refuses a blank title. */
        public TitleBlank() {
            super("An incident needs a title.");
        }
    }

    /** The title is longer than {@link Declaration#MAX_TITLE}. @see #length() */
    public static final class TitleTooLong extends IncidentException {
        private final int length;

        /** @param length the title's length in characters */
        public TitleTooLong(int length) {
            super("The title is " + length + " characters long; the limit is " + Declaration.MAX_TITLE + ".");
            this.length = length;
        }

        /** @return the title's length in characters */
        public int length() {
            return length;
        }
    }

    /** The incident has that status already. */
    public static final class AlreadyInStatus extends IncidentException {
        private final long incident;
        private final Status status;

        /** @param incident incident number; @param status the status asked for, which it has */
        public AlreadyInStatus(long incident, Status status) {
            super("Incident " + incident + " is already " + status.label() + ".");
            this.incident = incident;
            this.status = status;
        }

        /** @return incident number */
        public long incident() {
            return incident;
        }

        /** @return the status it has */
        public Status status() {
            return status;
        }
    }

    /** The incident has that severity already. */
    public static final class AlreadySeverity extends IncidentException {
        private final long incident;
        private final Severity severity;

        /** @param incident incident number; @param severity the severity asked for, which it has */
        public AlreadySeverity(long incident, Severity severity) {
            super("Incident " + incident + " is already " + severity.name() + ".");
            this.incident = incident;
            this.severity = severity;
        }

        /** @return incident number */
        public long incident() {
            return incident;
        }

        /** @return the severity it has */
        public Severity severity() {
            return severity;
        }
    }

    /** The user (Slack user ID) holds that role already. */
    public static final class AlreadyInRole extends IncidentException {
        private final long incident;
        private final Role role;
        private final String user;

        /** @param incident incident number; @param user Slack user ID who holds {@code role} already */
        public AlreadyInRole(long incident, Role role, String user) {
            super("User " + user + " is already " + role.label() + " of incident " + incident + ".");
            this.incident = incident;
            this.role = role;
            this.user = user;
        }

        /** @return incident number */
        public long incident() {
            return incident;
        }

        /** @return the role */
        public Role role() {
            return role;
        }

        /** @return Slack user ID */
        public String user() {
            return user;
        }
    }

    /** No incident with this number that the asking user may see (or it is resolved, where that matters). */
    public static final class NotFound extends IncidentException {
        private final long incident;

        /** @param incident the incident number asked for */
        public NotFound(long incident) {
            super("Incident " + incident + " is not open, or you cannot see it.");
            this.incident = incident;
        }

        /** @return the incident number asked for */
        public long incident() {
            return incident;
        }
    }
}
