package io.incidentbot.timeline;

/** What a timeline entry records. */
public enum EntryKind {
    /** A human message (or thread reply) posted in the incident channel. */
    MESSAGE,
    /** The incident was declared. */
    DECLARED,
    /** Status changed; text says from and to. */
    STATUS_CHANGE,
    /** Severity changed; text says from and to. */
    SEVERITY_CHANGE,
    /** A role was assigned. */
    ROLE_CHANGE,
    /** A note a responder added. */
    NOTE,
    /** A status update for stakeholders. */
    STATUS_UPDATE,
    /** A follow-up (action item) was recorded. */
    FOLLOW_UP,
    /** The incident was resolved; text is the resolution summary. */
    RESOLVED,
    /** A resolved incident was reopened. */
    REOPENED,
    /** An alert of the incident's alert group started firing or resolved, timed by its own {@code startsAt} / {@code endsAt}. */
    ALERT,
    /** A change (deploy, merge, config, feature flag) from the window before the incident, at its own time. */
    CHANGE,
    /** A page, acknowledgement, escalation or resolve from a pager (issue 21). */
    PAGE,
    /** A custom field of the incident's type was set, changed or cleared; text says which, from and to (issue 25). */
    FIELD_CHANGE;

    /** @return true for entries made by the bot's commands rather than channel messages */
    public boolean isCommand() {
        return this != MESSAGE;
    }
}
