package io.incidentbot.store;

import java.time.Instant;
import java.util.List;

/**
 * The next Slack escalation step due per incident (issue 21), claimed like reminders. Implementations run inside
 * the caller's transaction.
 */
public interface EscalationRepository {
    /** Sets (or replaces) the incident's next step: step {@code step} of pass {@code round}, due at {@code dueAt}, unsent. */
    void schedule(long incident, int step, int round, Instant dueAt);

    /** Removes the incident's escalation (acknowledged, resolved, or the policy is exhausted). */
    void stop(long incident);

    /** @return unsent steps due by {@code now}, earliest first, at most {@code limit} */
    List<Due> due(Instant now, int limit);

    /**
     * Claims a due step for sending with one conditional {@code UPDATE}: of several replicas exactly one wins.
     *
     * @return true when this caller won and must send it
     */
    boolean claim(long incident, int step, int round, Instant now);

    /** @return the incident's pending step, if it is escalating */
    java.util.Optional<Due> pending(long incident);

    /**
     * A scheduled step.
     *
     * @param incident incident number
     * @param step     the policy step's index
     * @param round    the pass through the policy, from 0
     * @param dueAt    when it is due
     */
    record Due(long incident, int step, int round, Instant dueAt) {
    }
}
