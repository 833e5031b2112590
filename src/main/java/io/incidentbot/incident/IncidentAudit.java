package io.incidentbot.incident;

import java.time.Instant;

/**
 * Told once for each committed state change of an incident, after the commit: declared, status,
 * severity, role, resolved, reopened. {@link IncidentService} finds the changes by comparing the
 * incident before and after each use case, so a new use case is audited without extra code.
 * The production listener is {@code ops/AuditTrail} (log lines and the declare counter).
 */
@FunctionalInterface
public interface IncidentAudit {

    /** What changed. */
    enum What { DECLARED, STATUS, SEVERITY, ROLE, RESOLVED, REOPENED }

    /**
     * One state change.
     *
     * @param incident        incident number
     * @param privateIncident true for a private incident (its title must stay out of INFO logs)
     * @param actor           Slack user ID of who made it, or null when unknown
     * @param what            the kind of change
     * @param field           for {@code ROLE} the role ({@code lead}, {@code comms}, {@code scribe}); else null
     * @param from            the value before ({@code none} when there was none), e.g. {@code investigating}
     * @param to              the value after, e.g. {@code identified}, a severity {@code SEV2}, or a user ID
     * @param at              when it was committed
     */
    record Change(long incident, boolean privateIncident, String actor, What what, String field, String from,
                  String to, Instant at) {
    }

    /** @param change a committed state change */
    void changed(Change change);

    /**
     * Tells {@link #changed} that {@code incident} was declared (by its declarer, at its severity).
     *
     * @param incident the incident as its declare stored it
     * @param at       when the declare was committed
     */
    default void declared(Incident incident, Instant at) {
        changed(new Change(incident.number(), incident.privateIncident(), incident.declaredBy(), What.DECLARED, null,
                "none", incident.severity().name(), at));
    }

    /**
     * Tells {@link #changed} each difference in status, severity and roles between two states of an incident.
     *
     * @param before the incident before the use case
     * @param after  the incident after its commit
     * @param actor  Slack user ID of who made the change
     * @param at     when it was committed
     */
    default void compare(Incident before, Incident after, String actor, Instant at) {
        long n = after.number();
        boolean p = after.privateIncident();
        if (before.status() != after.status()) {
            What what = before.status() == Status.RESOLVED ? What.REOPENED
                    : after.status() == Status.RESOLVED ? What.RESOLVED : What.STATUS;
            changed(new Change(n, p, actor, what, null, before.status().label(),
                    after.status().label(), at));
        }
        if (before.severity() != after.severity()) {
            changed(new Change(n, p, actor, What.SEVERITY, null,
                    before.severity().name(), after.severity().name(), at));
        }
        for (Role role : Role.values()) {
            String was = before.roles().get(role);
            String now = after.roles().get(role);
            if (now != null && !now.equals(was)) {
                changed(new Change(n, p, actor, What.ROLE, role.name().toLowerCase(),
                        was == null ? "none" : was, now, at));
            }
        }
    }
}
