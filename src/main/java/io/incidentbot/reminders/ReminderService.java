package io.incidentbot.reminders;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentException;
import io.incidentbot.incident.Transactions;
import io.incidentbot.incident.UnitOfWork;
import io.incidentbot.store.ReminderRepository.Due;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.store.StorageUnavailableException;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the reminders that are due (a periodic task calls {@link #sendDue}) and snoozes them. Each
 * reminder is claimed with a conditional update before {@link IncidentEvent.ReminderDue} is recorded in the
 * same unit of work (the Slack adapter posts it),
 * so it is sent once however many replicas look, and it survives a restart because the due time is
 * in the database. Reminders of resolved incidents are dropped, never sent.
 */
public final class ReminderService {
    private static final Logger log = LoggerFactory.getLogger(ReminderService.class);
    private static final int BATCH = 100;

    private final Transactions transactions;
    private final Storage storage;
    private final Clock clock;
    private final ReminderPolicies policies;
    private final Runnable sentOne;

    /** A service that counts nothing; see {@link #ReminderService(Transactions, ReminderPolicy, Runnable)}. */
    public ReminderService(Transactions transactions, ReminderPolicy policy) {
        this(transactions, policy, () -> { });
    }

    /**
     * @param transactions runs each reminder in a unit of work (the database, the subscribers, the clock)
     * @param policy       the configured intervals
     * @param sentOne      called once per reminder recorded, whichever path sent it (the periodic check or a
     *                     direct {@link #sendDue} call): the reminders-sent metric
     */
    public ReminderService(Transactions transactions, ReminderPolicy policy, Runnable sentOne) {
        this(transactions, ReminderPolicies.constant(policy), sentOne);
    }

    /** As above; {@code policies}: each incident's intervals (its type's, issue 25). */
    public ReminderService(Transactions transactions, ReminderPolicies policies, Runnable sentOne) {
        this.transactions = transactions;
        this.storage = transactions.storage();
        this.clock = transactions.clock();
        this.policies = policies;
        this.sentOne = sentOne;
    }

    /**
     * Queues every reminder due now (one outbox job each) and schedules the next update reminder one
     * interval later.
     *
     * @return how many reminders this call queued
     */
    public int sendDue() {
        Instant now = clock.instant();
        List<Due> due = storage.read(r -> r.reminders().due(now, BATCH));
        int sent = 0;
        for (Due d : due) {
            if (transactions.run(w -> send(w, d, now))) {
                sent++;
                sentOne.run();
            }
        }
        return sent;
    }

    /** {@link #sendDue} for a scheduler: logs failures instead of throwing, so the schedule goes on. */
    public void sendDueQuietly() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            StorageUnavailableException.warnUnlessOutage(log, e, "reminder check failed; trying again at the next one: {}");
        }
    }

    private boolean send(UnitOfWork w, Due d, Instant now) {
        Repositories r = w.repositories();
        if (!r.reminders().claim(d.incident(), d.kind(), d.dueAt(), now)) {
            return false;
        }
        Incident inc = r.incidents().find(d.incident()).orElse(null);
        if (inc == null || !inc.isOpen()) {
            r.reminders().cancelAll(d.incident());
            return false;
        }
        boolean someoneThere = r.participants().list(inc.number()).stream()
                .anyMatch(p -> r.participants().isMember(inc.number(), p.userId()));
        ReminderNote note;
        ReminderPolicy policy = policies.of(r, inc.number());
        if (d.kind() == ReminderKind.UPDATE) {
            if (policy.updateInterval().isEmpty()) {
                return false;
            }
            if (!someoneThere) {
                // nobody to remind (issue 21/24): look again one interval on, without counting this one
                r.reminders().schedule(inc.number(), ReminderKind.UPDATE, now.plus(policy.update()));
                return false;
            }
            int unanswered = r.reminders().unanswered(inc.number(), ReminderKind.UPDATE);
            if (unanswered > policy.max()) {
                note = new ReminderNote.Stopped(inc.number(), policy.max());
            } else {
                Instant since = java.util.stream.Stream.of(EntryKind.STATUS_UPDATE, EntryKind.STATUS_CHANGE)
                        .flatMap(k -> r.timeline().lastOfKind(inc.number(), k).stream()).map(TimelineEntry::at)
                        .max(Instant::compareTo).filter(t -> t.isAfter(inc.declaredAt())).orElse(inc.declaredAt());
                note = new ReminderNote.UpdateDue(inc.number(), inc.lead().orElse(null), ReminderNote.quiet(since, now));
                r.reminders().next(inc.number(), ReminderKind.UPDATE, now.plus(policy.update()));
            }
        } else {
            if (inc.lead().isPresent() || policy.leadDelay().isEmpty()) {
                return false;
            }
            // Nobody alone in an empty channel (issue 21): with no human member the adapter sends it elsewhere.
            note = new ReminderNote.LeadMissing(inc.number(), ReminderNote.quiet(inc.declaredAt(), now), !someoneThere);
        }
        w.record(new IncidentEvent.ReminderDue(inc.number(), null, note, now));
        return true;
    }

    /**
     * Pushes the incident's next update reminder to 30 minutes from now.
     *
     * @param incident incident number
     * @return when the next update reminder is due
     * @throws IncidentException.NotFound when there is no such open incident
     */
    public Instant snooze(long incident) {
        Instant now = clock.instant();
        Instant next = now.plus(ReminderPolicy.SNOOZE);
        storage.run(r -> {
            Incident inc = r.incidents().find(incident).filter(Incident::isOpen)
                    .orElseThrow(() -> new IncidentException.NotFound(incident));
            r.reminders().schedule(inc.number(), ReminderKind.UPDATE, next);
        });
        return next;
    }
}
