package io.incidentbot.store;

import io.incidentbot.reminders.ReminderKind;

import java.time.Instant;
import java.util.List;

/** Reminder due times, one per incident and kind. Implementations run inside the caller's transaction. */
public interface ReminderRepository {

    /** Sets (or replaces) the due time of the incident's reminder of {@code kind}, not yet sent. */
    void schedule(long incident, ReminderKind kind, Instant dueAt);

    /** Removes the incident's reminder of {@code kind}, if any. */
    void cancel(long incident, ReminderKind kind);

    /** Removes all reminders of the incident. */
    void cancelAll(long incident);

    /**
     * @param now   the current time
     * @param limit most reminders to return
     * @return unsent reminders due by {@code now}, earliest first
     */
    List<Due> due(Instant now, int limit);

    /**
     * Claims a due reminder for sending: one conditional {@code UPDATE ... WHERE due_at = dueAt AND due_at <= now
     * AND sent_at IS NULL}, so of several replicas exactly one wins, and one that read the due time before
     * another sent it and scheduled the next never claims the next one in its name (issue 24: "4 min" twice).
     * It counts the reminder as unanswered.
     *
     * @param dueAt the due time read with {@link #due}
     * @return true when this caller won and must send it
     */
    boolean claim(long incident, ReminderKind kind, Instant dueAt, Instant now);

    /**
     * Schedules the next reminder of {@code kind} after one was sent, keeping the count of unanswered ones
     * (unlike {@link #schedule}, which an answer calls and which sets the count back to 0).
     */
    void next(long incident, ReminderKind kind, Instant dueAt);

    /** @return how many reminders of {@code kind} were claimed since the last {@link #schedule}, 0 when none */
    int unanswered(long incident, ReminderKind kind);

    /** @return the unsent reminder of {@code kind} of the incident, if one is scheduled */
    java.util.Optional<Due> pending(long incident, ReminderKind kind);

    /**
     * A scheduled reminder.
     *
     * @param incident incident number
     * @param kind     what it reminds of
     * @param dueAt    when it is due
     */
    record Due(long incident, ReminderKind kind, Instant dueAt) {
    }
}
