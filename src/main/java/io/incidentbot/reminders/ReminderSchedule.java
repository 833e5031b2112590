package io.incidentbot.reminders;

import io.incidentbot.incident.FollowUp;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.UnitOfWork;
import io.incidentbot.store.Repositories;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the reminder due times in step with the incident. The incident use cases call these inside
 * their own transaction, so a due time never disagrees with the state it was computed from.
 */
public final class ReminderSchedule {
    private final ReminderPolicy policy;
    private final ReminderPolicies policies;

    /** @param policy the configured intervals */
    public ReminderSchedule(ReminderPolicy policy) {
        this(policy, ReminderPolicies.constant(policy));
    }

    /**
     * @param policy   the configured intervals
     * @param policies each incident's intervals (its type's, else {@code policy})
     */
    public ReminderSchedule(ReminderPolicy policy, ReminderPolicies policies) {
        this.policy = policy;
        this.policies = policies;
    }

    /** @return the configured intervals */
    public ReminderPolicy policy() {
        return policy;
    }

    /**
     * A new incident: an update reminder one interval on, a lead reminder when it has no lead. Run again once the
     * incident's type is known (issue 25), it replaces both with the type's intervals (a reminder the type turns off
     * is cancelled).
     */
    public void declared(Repositories r, long incident, Instant now) {
        ReminderPolicy p = policies.of(r, incident);
        statusUpdated(r, incident, now);
        boolean hasLead = r.incidents().find(incident).flatMap(Incident::lead).isPresent();
        if (!hasLead && p.leadDelay().isPresent()) {
            r.reminders().schedule(incident, ReminderKind.LEAD, now.plus(p.lead()));
        } else {
            r.reminders().cancel(incident, ReminderKind.LEAD);
        }
    }

    /** A status update was posted: the next update reminder is one interval from now. */
    public void statusUpdated(Repositories r, long incident, Instant now) {
        ReminderPolicy p = policies.of(r, incident);
        if (p.updateInterval().isPresent()) {
            r.reminders().schedule(incident, ReminderKind.UPDATE, now.plus(p.update()));
        } else {
            r.reminders().cancel(incident, ReminderKind.UPDATE);
        }
    }

    /** @return each incident's intervals */
    public ReminderPolicies policies() {
        return policies;
    }

    /** A lead was assigned: no lead reminder. */
    public void leadAssigned(Repositories r, long incident) {
        r.reminders().cancel(incident, ReminderKind.LEAD);
    }

    /**
     * The incident was resolved: no more reminders; when some of its follow-ups have no owner, a
     * {@link ReminderNote.UnownedFollowUps} reminder is due now ({@link IncidentEvent.ReminderDue}).
     */
    public void resolved(UnitOfWork w, long incident, Instant now) {
        Repositories r = w.repositories();
        r.reminders().cancelAll(incident);
        List<String> unowned = r.followUps().list(incident).stream().filter(f -> f.ownerId() == null)
                .map(FollowUp::text).toList();
        if (!unowned.isEmpty()) {
            w.record(new IncidentEvent.ReminderDue(incident, null, new ReminderNote.UnownedFollowUps(incident, unowned), now));
        }
    }

    /** The incident was reopened: update reminders start again from now. */
    public void reopened(Repositories r, long incident, Instant now) {
        statusUpdated(r, incident, now);
    }
}
