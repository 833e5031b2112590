package io.incidentbot.reminders;

import io.incidentbot.store.Repositories;

/**
 * The reminder intervals of one incident: the configured ones ({@code INCIDENT_REMIND_*}), or those of its type in the
 * team's process file (issue 25). Asked inside the caller's transaction, each time a reminder is scheduled or sent.
 */
@FunctionalInterface
public interface ReminderPolicies {
    /**
     * @param r        the transaction's repositories
     * @param incident an incident number
     * @return its intervals
     */
    ReminderPolicy of(Repositories r, long incident);

    /** @return the same intervals for every incident */
    static ReminderPolicies constant(ReminderPolicy policy) {
        return (r, incident) -> policy;
    }
}
